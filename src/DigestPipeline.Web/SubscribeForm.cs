using System.Globalization;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;

namespace DigestPipeline.Web;

/// <summary>
/// The subscribe form's fields as posted (HTML form or JSON), kept as text so that a page with problems shows back
/// what was typed. Property names are the JSON names and the form field names.
/// </summary>
public class SubscribeForm
{
    public const string DefaultTimeZone = "Europe/Paris";

    public string? Email { get; set; }

    public string? Name { get; set; }

    public List<string>? Themes { get; set; } = [];

    public string? Language { get; set; }

    /// <summary>
    /// The languages the subscriber reads (ISO 639-1 codes of <see cref="Core.Subscribers.ReadingLanguages.Offered"/>);
    /// <see cref="Language"/>, the digest's, is read whether or not it is among them.
    /// </summary>
    public List<string>? ReadingLanguages { get; set; } = [];

    /// <summary><c>daily</c>, <c>weekly</c> or <c>cron</c>.</summary>
    public string? Frequency { get; set; }

    /// <summary>An English day name (<c>monday</c>) or its number, Sunday = 0.</summary>
    public string? Day { get; set; }

    /// <summary><c>HH:mm</c>, local to <see cref="TimeZone"/>.</summary>
    public string? Time { get; set; }

    public string? Cron { get; set; }

    public string? TimeZone { get; set; }

    public SubscribeRequest ToRequest(string clientKey) =>
        new(Email, Name, Themes ?? [], Language?.Trim().ToLowerInvariant(), Schedule(), clientKey) { ReadingLanguages = ReadingLanguages ?? [] };

    /// <summary>Null for an unknown frequency; a time or day that does not parse is left out, so the schedule's own check names it.</summary>
    internal ScheduleChoice? Schedule()
    {
        var zone = TimeZone?.Trim() ?? "";
        var time = TimeOnly.TryParseExact(Time?.Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : (TimeOnly?)null;
        return Frequency?.Trim().ToLowerInvariant() switch
        {
            "daily" => new ScheduleChoice(DigestFrequency.Daily, zone, time),
            "weekly" => new ScheduleChoice(DigestFrequency.Weekly, zone, time, ParseDay(Day)),
            "cron" => new ScheduleChoice(DigestFrequency.Cron, zone, Cron: Cron),
            _ => null,
        };
    }

    private static DayOfWeek? ParseDay(string? day)
    {
        var value = day?.Trim() ?? "";
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 6)
            return (DayOfWeek)number;
        return Enum.TryParse<DayOfWeek>(value, ignoreCase: true, out var named) && Enum.IsDefined(named) && !value.Any(char.IsAsciiDigit)
            ? named
            : null;
    }
}
