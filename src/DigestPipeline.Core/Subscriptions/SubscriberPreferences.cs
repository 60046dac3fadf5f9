using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Subscriptions;

/// <summary>A subscriber's settings as the preferences page shows them.</summary>
/// <param name="Schedule">The stored cron and zone read back as a choice (<see cref="ScheduleChoice.FromStored"/>).</param>
public sealed record SubscriberPreferences(
    string DisplayName,
    IReadOnlyList<string> Themes,
    string Language,
    ScheduleChoice Schedule,
    SubscriberState State)
{
    /// <summary>The languages read besides <see cref="Language"/> (<see cref="Subscriber.AlsoReads"/>).</summary>
    public IReadOnlyList<string> AlsoReads { get; init; } = [];

    public static SubscriberPreferences Of(Subscriber subscriber) => new(
        subscriber.DisplayName,
        subscriber.Themes,
        subscriber.Language,
        ScheduleChoice.FromStored(subscriber.Schedule, subscriber.TimeZone),
        subscriber.State)
    {
        AlsoReads = subscriber.AlsoReads,
    };
}
