namespace DigestPipeline.Web.Console.Subscribers;

/// <summary>One subscriber: their settings and their latest digests.</summary>
internal sealed record SubscriberView(
    string Id,
    string Email,
    string Name,
    string State,
    IReadOnlyList<ThemeView> Themes,
    string Language,
    string AlsoReads,
    string ScheduleInWords,
    string Cron,
    string TimeZone,
    string Since,
    IReadOnlyList<DeliveryRowView> Deliveries);

/// <param name="Label">In the subscriber's language, as their digest heads it.</param>
internal sealed record ThemeView(string Id, string Label);

internal sealed record DeliveryRowView(string Id, string State, int Items, string Period, string Claimed, string Completed, string MessageId);
