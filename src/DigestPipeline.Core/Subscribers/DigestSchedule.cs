using Cronos;

namespace DigestPipeline.Core.Subscribers;

/// <summary>A subscriber's schedule: a cron expression read in the subscriber's own IANA time zone.</summary>
public sealed class DigestSchedule
{
    private readonly CronExpression _cron;
    private readonly TimeZoneInfo _zone;

    private DigestSchedule(CronExpression cron, TimeZoneInfo zone)
    {
        _cron = cron;
        _zone = zone;
    }

    /// <exception cref="FormatException">the cron expression or the time zone id is not valid.</exception>
    public static DigestSchedule Parse(string cron, string timeZone)
    {
        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(cron);
        }
        catch (CronFormatException e)
        {
            throw new FormatException($"Schedule '{cron}' is not a 5-field cron expression: {e.Message}", e);
        }

        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"Time zone '{timeZone}' is not a known IANA time zone id.", e);
        }

        return new DigestSchedule(expression, zone);
    }

    public static DigestSchedule For(Subscriber subscriber) => Parse(subscriber.Schedule, subscriber.TimeZone);

    /// <summary>
    /// The latest occurrence after <paramref name="after"/> and at or before <paramref name="now"/>, or null.
    /// Only the latest counts: after downtime, one catch-up digest covers every missed occurrence.
    /// Local times a clock change skips or repeats (Cronos's rule, stated in the README): a skipped time falls at
    /// the instant the clocks jump (02:30 on the spring-forward day in Paris is 03:00 CEST); a repeated time falls
    /// once, at its first occurrence (02:30 CEST on the fall-back day, not 02:30 CET an hour later).
    /// </summary>
    public DateTimeOffset? LatestDue(DateTimeOffset after, DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        var from = after;
        while (_cron.GetNextOccurrence(from, _zone, inclusive: false) is { } next && next <= now)
        {
            latest = next;
            from = next;
        }

        return latest?.ToUniversalTime();
    }

    /// <summary>Whether <paramref name="at"/> is an occurrence of this schedule (as <see cref="LatestDue"/> finds them).</summary>
    public bool Occurs(DateTimeOffset at) => LatestDue(at.AddTicks(-1), at) == at;

    public DateTimeOffset? Next(DateTimeOffset after) => _cron.GetNextOccurrence(after, _zone, inclusive: false)?.ToUniversalTime();
}
