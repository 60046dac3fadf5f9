using System.Diagnostics;
using OpenTelemetry;

namespace DigestPipeline.Hosting.Telemetry;

/// <summary>
/// Removes subscriber tokens from a span before any exporter sees it: its display name, every tag (whatever its
/// name: <c>url.full</c>, <c>url.query</c> of requests, <c>http.target</c>, <c>http.url</c> of older
/// instrumentations and of Azure SDK dependencies, or an enrichment of our own) and its status description.
/// </summary>
/// <remarks>
/// OpenTelemetry's ASP.NET Core and HttpClient instrumentations already redact query values by default, but a
/// setting turns that off (<c>OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION</c>), other sources
/// do not, and a token must not reach the log workspace however a span was made. Two parts of a span cannot be
/// changed once it exists, so they are not covered: its operation name (instrumentations give fixed ones, such as
/// <c>Microsoft.AspNetCore.Hosting.HttpRequestIn</c>, and exporters send the display name) and its events, such as
/// an exception's message (<see cref="ActivityEvent"/> is immutable).
/// </remarks>
internal sealed class SubscriberTokenSpanProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        var displayName = data.DisplayName;
        var redactedName = SubscriberTokenRedaction.Redact(displayName);
        if (!ReferenceEquals(redactedName, displayName))
            data.DisplayName = redactedName;

        List<KeyValuePair<string, object?>>? redactedTags = null;
        foreach (var tag in data.TagObjects)
        {
            if (SubscriberTokenRedaction.RedactedOrNull(tag.Value) is { } redacted)
                (redactedTags ??= []).Add(new(tag.Key, redacted));
        }

        // Set after the loop: changing a tag while enumerating them would break the enumeration.
        foreach (var (key, value) in redactedTags ?? [])
            data.SetTag(key, value);

        if (data.StatusDescription is { } description && SubscriberTokenRedaction.Redact(description) is var redactedDescription
                                                       && !ReferenceEquals(redactedDescription, description))
            data.SetStatus(data.Status, redactedDescription);
    }
}
