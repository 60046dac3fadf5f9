namespace DigestPipeline.Core.Subscribers;

/// <summary>Why a <see cref="ScheduleChoice"/> cannot be saved, for the form field it concerns.</summary>
/// <param name="Field">The form field: <c>frequency</c>, <c>time</c>, <c>day</c>, <c>cron</c> or <c>timeZone</c>.</param>
/// <param name="Message">In English; <see cref="MessageIn"/> gives it in the subscriber's language.</param>
public sealed record ScheduleProblem(string Field, ScheduleProblemKind Kind, string Message)
{
    public string MessageIn(string language) => language == "fr" ? French() : Message;

    private string French() => Kind switch
    {
        ScheduleProblemKind.TimeMissing => "Choisissez une heure d’envoi.",
        ScheduleProblemKind.TimeNotWholeMinute => "L’heure d’envoi se choisit à la minute près (sans secondes).",
        ScheduleProblemKind.DayMissing => "Choisissez le jour de la semaine.",
        ScheduleProblemKind.CronMissing => "Saisissez une expression cron.",
        ScheduleProblemKind.CronInvalid => "Cette expression cron n’est pas valide : elle a 5 champs (minute heure jour mois jour-de-semaine), par exemple « 0 7 * * 1-5 ».",
        ScheduleProblemKind.CronNeverDue => "Cette expression cron ne tombe jamais (par exemple un 30 février).",
        ScheduleProblemKind.TimeZoneMissing => "Choisissez un fuseau horaire.",
        ScheduleProblemKind.TimeZoneUnknown => "Fuseau horaire inconnu : choisissez un fuseau IANA comme « Europe/Paris ».",
        _ => Message,
    };
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
