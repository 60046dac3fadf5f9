using System.Globalization;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;

namespace DigestPipeline.Web;

/// <summary>
/// The preferences form's fields as posted (HTML form or JSON): the subscribe form's settings fields (its email and
/// name are ignored), and the "unsubscribe from everything" button.
/// </summary>
public sealed class PreferencesForm : SubscribeForm
{
    /// <summary>The form's button value (<c>action=unsubscribeAll</c>) and the JSON field of the same name.</summary>
    public const string UnsubscribeAllAction = "unsubscribeAll";

    public bool UnsubscribeAll { get; set; }

    public PreferencesRequest ToPreferencesRequest() =>
        new(Themes ?? [], Language?.Trim().ToLowerInvariant(), Schedule(), UnsubscribeAll) { ReadingLanguages = ReadingLanguages ?? [] };

    /// <summary>The form pre-filled with the stored settings.</summary>
    public static PreferencesForm Of(SubscriberPreferences preferences)
    {
        var schedule = preferences.Schedule;
        return new PreferencesForm
        {
            Themes = preferences.Themes.ToList(),
            Language = preferences.Language,
            ReadingLanguages = [preferences.Language, .. preferences.AlsoReads],
            Frequency = schedule.Frequency.ToString().ToLowerInvariant(),
            Day = (schedule.Day ?? DayOfWeek.Monday).ToString().ToLowerInvariant(),
            Time = (schedule.SendTime ?? new TimeOnly(7, 0)).ToString("HH:mm", CultureInfo.InvariantCulture),
            Cron = schedule.Frequency == DigestFrequency.Cron ? schedule.Cron : null,
            TimeZone = schedule.TimeZone,
        };
    }
}
