using DigestPipeline.Core.Localization;

namespace DigestPipeline.Core.Subscribers;

/// <summary>Why a <see cref="ScheduleChoice"/> cannot be saved, for the form field it concerns.</summary>
/// <param name="Field">The form field: <c>frequency</c>, <c>time</c>, <c>day</c>, <c>cron</c> or <c>timeZone</c>.</param>
/// <param name="Message">In English; <see cref="MessageIn"/> gives it in the subscriber's language.</param>
public sealed record ScheduleProblem(string Field, ScheduleProblemKind Kind, string Message)
{
    /// <summary>
    /// The messages of a sign-up's or a preferences form's problems, field by field (<c>Subscribers/SettingsProblemStrings*.resx</c>);
    /// a schedule's are named by their <see cref="ScheduleProblemKind"/>.
    /// </summary>
    public static TextCatalog Catalog { get; } = new(typeof(ScheduleProblem).Assembly, "DigestPipeline.Core.Subscribers.SettingsProblemStrings");

    /// <summary>The message in <paramref name="language"/>; English when no file has it.</summary>
    public string MessageIn(string language) => Catalog.For(language).Get(Kind.ToString());
}

public enum ScheduleProblemKind
{
    TimeMissing,
    TimeNotWholeMinute,
    DayMissing,
    CronMissing,
    CronInvalid,
    CronNeverDue,
    TimeZoneMissing,
    TimeZoneUnknown,
}
