namespace DigestPipeline.Core.Subscribers;

/// <summary>
/// A subscriber's place in the due index: their next scheduled digest falls due at <paramref name="Due"/>, an occurrence
/// of <paramref name="Schedule"/> in <paramref name="TimeZone"/> (kept with the entry so that the planner finds the
/// latest missed occurrence without reading the subscriber).
/// </summary>
public sealed record DueEntry(string SubscriberId, DateTimeOffset Due, string Schedule, string TimeZone)
{
    /// <summary>
    /// The entry for an active subscriber's first occurrence after <paramref name="after"/>; null when they get no
    /// scheduled digest (not active, an invalid schedule, or a schedule that never falls again).
    /// </summary>
    public static DueEntry? After(Subscriber subscriber, DateTimeOffset after)
    {
        if (subscriber.State != SubscriberState.Active)
            return null;
        DigestSchedule schedule;
        try
        {
            schedule = DigestSchedule.For(subscriber);
        }
        catch (FormatException)
        {
            return null;
        }

        return schedule.Next(after) is { } next ? new DueEntry(subscriber.Id, next, subscriber.Schedule, subscriber.TimeZone) : null;
    }

    /// <summary>
    /// Whether a write that turned <paramref name="before"/> into <paramref name="after"/> must place a new entry: the
    /// subscriber became active, or changed schedule or time zone. (An entry left at the old schedule's time is harmless:
    /// the digest sender drops its digest when it falls due.)
    /// </summary>
    public static bool Moves(Subscriber? before, Subscriber after) =>
        after.State == SubscriberState.Active
        && (before is not { State: SubscriberState.Active } || before.Schedule != after.Schedule || before.TimeZone != after.TimeZone);
}
