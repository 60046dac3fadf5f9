using OpenTelemetry;
using OpenTelemetry.Logs;

namespace DigestPipeline.Hosting.Telemetry;

/// <summary>
/// Removes subscriber tokens from a log record before any exporter sees it: its formatted message, its body (the
/// message template, or the message itself when there was none) and every attribute (the template's values and
/// <c>{OriginalFormat}</c>). Application Insights keeps the first as the trace's message and the attributes as its
/// <c>customDimensions</c>.
/// </summary>
/// <remarks>
/// Two parts of a record cannot be changed here: its scopes (read from the logger's scope provider when exported)
/// and its exception. The pipeline's scopes hold ids only (DocumentId, SubscriberId, DeliveryId) and ASP.NET
/// Core's the request path, never the query; the whole-run log scan
/// (<c>Logs_hold_no_secret_token_nor_subscriber_address</c>) holds them to that.
/// </remarks>
internal sealed class SubscriberTokenLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (data.FormattedMessage is { } message && SubscriberTokenRedaction.Redact(message) is var redactedMessage
                                                 && !ReferenceEquals(redactedMessage, message))
            data.FormattedMessage = redactedMessage;

        if (data.Body is { } body && SubscriberTokenRedaction.Redact(body) is var redactedBody && !ReferenceEquals(redactedBody, body))
            data.Body = redactedBody;

        if (data.Attributes is { Count: > 0 } attributes && attributes.Any(a => SubscriberTokenRedaction.RedactedOrNull(a.Value) is not null))
        {
            // A copy: the attributes are often the logger's own state object, which may be shared.
            data.Attributes = attributes
                .Select(a => new KeyValuePair<string, object?>(a.Key, SubscriberTokenRedaction.RedactedOrNull(a.Value) ?? a.Value))
                .ToList();
        }
    }
}
