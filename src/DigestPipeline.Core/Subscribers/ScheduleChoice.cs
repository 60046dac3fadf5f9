using System.Globalization;
using Cronos;

namespace DigestPipeline.Core.Subscribers;

/// <summary>
/// A schedule as a person chooses it: daily or weekly on a day at a local send time, or a cron expression, in an
/// IANA time zone. It is stored as <see cref="Subscriber.Schedule"/> (a cron string) and
/// <see cref="Subscriber.TimeZone"/>, so storage does not change; <see cref="FromStored"/> turns the stored form
/// back into this for display.
/// </summary>
/// <param name="SendTime">Local time of day, to the minute (daily and weekly).</param>
/// <param name="Day">The day of a weekly digest.</param>
/// <param name="Cron">A 5-field cron expression (frequency <see cref="DigestFrequency.Cron"/>).</param>
public sealed record ScheduleChoice(
    DigestFrequency Frequency,
    string TimeZone,
    TimeOnly? SendTime = null,
    DayOfWeek? Day = null,
    string? Cron = null)
{
    public static ScheduleChoice Daily(TimeOnly sendTime, string timeZone) => new(DigestFrequency.Daily, timeZone, sendTime);

    public static ScheduleChoice Weekly(DayOfWeek day, TimeOnly sendTime, string timeZone) => new(DigestFrequency.Weekly, timeZone, sendTime, day);

    public static ScheduleChoice FromCron(string cron, string timeZone) => new(DigestFrequency.Cron, timeZone, Cron: cron);

    /// <summary>A problem with its message in English (the neutral file); <see cref="ScheduleProblem.MessageIn"/> gives another language.</summary>
    private static ScheduleProblem Problem(string field, ScheduleProblemKind kind) =>
        new(field, kind, ScheduleProblem.Catalog.Neutral.Get(kind.ToString()));

    /// <summary>Everything that stops this choice from being saved; empty when it is valid.</summary>
    public IReadOnlyList<ScheduleProblem> Validate()
    {
        var problems = new List<ScheduleProblem>();
        if (Frequency is DigestFrequency.Daily or DigestFrequency.Weekly)
        {
            if (SendTime is not { } time)
                problems.Add(Problem("time", ScheduleProblemKind.TimeMissing));
            else if (time.Second != 0 || time.Millisecond != 0 || time.Microsecond != 0)
                problems.Add(Problem("time", ScheduleProblemKind.TimeNotWholeMinute));
            if (Frequency == DigestFrequency.Weekly && Day is null)
                problems.Add(Problem("day", ScheduleProblemKind.DayMissing));
        }
        else if (string.IsNullOrWhiteSpace(Cron))
        {
            problems.Add(Problem("cron", ScheduleProblemKind.CronMissing));
        }
        else if (!CronExpression.TryParse(Cron.Trim(), out var expression))
        {
            problems.Add(Problem("cron", ScheduleProblemKind.CronInvalid));
        }
        else if (expression.GetNextOccurrence(DateTime.UtcNow) is null)
        {
            problems.Add(Problem("cron", ScheduleProblemKind.CronNeverDue));
        }

        if (string.IsNullOrWhiteSpace(TimeZone))
            problems.Add(Problem("timeZone", ScheduleProblemKind.TimeZoneMissing));
        else if (!IsIanaZone(TimeZone))
            problems.Add(Problem("timeZone", ScheduleProblemKind.TimeZoneUnknown));
        return problems;
    }

    /// <summary>The stored form: a cron string for <see cref="Subscriber.Schedule"/> and the zone for <see cref="Subscriber.TimeZone"/>.</summary>
    /// <exception cref="ArgumentException">the choice is not valid (see <see cref="Validate"/>); the message lists why.</exception>
    public (string Cron, string TimeZone) ToStored()
    {
        var problems = Validate();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems.Select(p => p.Message)));
        var cron = Frequency switch
        {
            DigestFrequency.Daily => $"{SendTime!.Value.Minute} {SendTime.Value.Hour} * * *",
            DigestFrequency.Weekly => $"{SendTime!.Value.Minute} {SendTime.Value.Hour} * * {(int)Day!.Value}",
            _ => string.Join(' ', Cron!.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        };
        return (cron, TimeZone.Trim());
    }

    /// <summary>
    /// The choice a stored schedule shows as: <c>m h * * *</c> is daily, <c>m h * * d</c> weekly on day d, anything
    /// else a cron expression. <c>FromStored(c.ToStored())</c> gives <c>c</c> back for every valid daily or weekly choice.
    /// </summary>
    public static ScheduleChoice FromStored(string cron, string timeZone)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields is [var minute, var hour, "*", "*", var day]
            && Number(minute, 0, 59) is { } m && Number(hour, 0, 23) is { } h)
        {
            var time = new TimeOnly(h, m);
            if (day == "*")
                return Daily(time, timeZone);
            if (DayOf(day) is { } weekday)
                return Weekly(weekday, time, timeZone);
        }

        return FromCron(cron, timeZone);
    }

    private static int? Number(string field, int min, int max) =>
        field.All(char.IsAsciiDigit) && int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : null;

    private static DayOfWeek? DayOf(string field)
    {
        // Cron counts Sunday as 0 or 7; Cronos also reads day names (MON, TUE…).
        if (Number(field, 0, 7) is { } number)
            return (DayOfWeek)(number % 7);
        return Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>()
            .FirstOrDefault(d => string.Equals(d.ToString()![..3], field, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Only IANA ids are stored: on Linux .NET also finds Windows ids ("Romance Standard Time"), which other hosts may not.</summary>
    private static bool IsIanaZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId;
}
