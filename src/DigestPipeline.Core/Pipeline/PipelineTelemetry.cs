using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// The pipeline's traces and metrics, under the name <see cref="Name"/> (what a host gives OpenTelemetry's
/// <c>AddSource</c> and <c>AddMeter</c>): a span and a duration per handler run, tagged with the document,
/// subscriber and delivery ids, and counters of what the handlers did. Hosts record queue latency, which only the
/// trigger knows (<see cref="RecordQueueLatency"/>).
/// </summary>
/// <remarks>
/// The meter comes from the host's <see cref="IMeterFactory"/>, so each host (and each test host) has its own
/// instruments; listeners tell them apart by <see cref="Meter"/> and <see cref="ActivitySource"/> instance.
/// </remarks>
public sealed class PipelineTelemetry : IDisposable
{
    public const string Name = "DigestPipeline";

    public const string DocumentIdTag = "digestpipeline.document.id";
    public const string SubscriberIdTag = "digestpipeline.subscriber.id";
    public const string DeliveryIdTag = "digestpipeline.delivery.id";

    /// <summary>OpenTelemetry's default buckets are for milliseconds; these suit seconds, up to retries after a minute.</summary>
    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    };

    private readonly Counter<long> _documentsIngested;
    private readonly Counter<long> _documentsRejected;
    private readonly Counter<long> _summariesWritten;
    private readonly Counter<long> _documentsWithoutTheme;
    private readonly Counter<long> _digestsSent;
    private readonly Counter<long> _digestsSkipped;
    private readonly Counter<long> _deliveryFailures;
    private readonly Counter<long> _repairs;
    private readonly Counter<long> _translationSteps;
    private readonly Histogram<double> _queueLatency;
    private readonly Histogram<double> _handlerDuration;

    /// <param name="meters">The host's meter factory; null (code without a host) creates a meter of its own.</param>
    public PipelineTelemetry(IMeterFactory? meters)
    {
        Meter = meters?.Create(Name) ?? new Meter(Name);
        ActivitySource = new ActivitySource(Name);
        _documentsIngested = Meter.CreateCounter<long>("digestpipeline.documents.ingested", "{document}", "New documents stored (same content again is not counted)");
        _documentsRejected = Meter.CreateCounter<long>("digestpipeline.documents.rejected", "{document}", "Uploads quarantined, by reason");
        _summariesWritten = Meter.CreateCounter<long>("digestpipeline.summaries.written", "{document}", "Documents whose themed summaries were written");
        _documentsWithoutTheme = Meter.CreateCounter<long>("digestpipeline.documents.no_theme", "{document}",
            "Documents summarized for the first time that matched no theme of the taxonomy, so reach no subscriber, by detected language");
        _digestsSent = Meter.CreateCounter<long>("digestpipeline.digests.sent", "{digest}", "Digests accepted by the mail server or the pickup folder");
        _digestsSkipped = Meter.CreateCounter<long>("digestpipeline.digests.skipped", "{digest}", "Digests not sent, by reason (too few items, subscriber not active)");
        _deliveryFailures = Meter.CreateCounter<long>("digestpipeline.delivery.failures", "{digest}", "Digests that failed, by kind (transient: retried; permanent: the recipient was refused)");
        _repairs = Meter.CreateCounter<long>("digestpipeline.repairs", "{action}", "What the repair pass sent on again, by action (upload-republished, summarize-resent, ingest-resent, unrepairable)");
        _translationSteps = Meter.CreateCounter<long>("digestpipeline.translation.steps", "{step}",
            "With a translation provider: a document's pieces translated into a language or a theme's lead written, by kind (translate, lead) and outcome (done, from the cache or the provider; failed; skipped, the provider paused or the batch's budget spent)");
        _queueLatency = Meter.CreateHistogram("digestpipeline.queue.latency", "s", "From a message's insertion into its queue to the start of its handler",
            tags: null, SecondsBuckets);
        _handlerDuration = Meter.CreateHistogram("digestpipeline.handler.duration", "s", "One handler run, by handler and outcome",
            tags: null, SecondsBuckets);
    }

    public Meter Meter { get; }

    public ActivitySource ActivitySource { get; }

    public void DocumentIngested() => _documentsIngested.Add(1);

    public void DocumentRejected(string reason) => _documentsRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void SummariesWritten() => _summariesWritten.Add(1);

    public void DocumentWithoutTheme(string language) => _documentsWithoutTheme.Add(1, new KeyValuePair<string, object?>("language", language));

    public void DigestSent() => _digestsSent.Add(1);

    public void DigestSkipped(string reason) => _digestsSkipped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void DeliveryFailed(string kind) => _deliveryFailures.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void TranslationStep(string kind, string outcome) =>
        _translationSteps.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public void Repaired(string action) => _repairs.Add(1, new KeyValuePair<string, object?>("action", action));

    public void RecordQueueLatency(string queue, TimeSpan latency) =>
        _queueLatency.Record(Math.Max(0, latency.TotalSeconds), new KeyValuePair<string, object?>("messaging.destination.name", queue));

    /// <summary>
    /// Runs one handler invocation inside its span (<paramref name="handler"/> is the queue or timer name) and
    /// records its duration and outcome. Exceptions propagate unchanged. The span continues <paramref name="parent"/>'s
    /// trace when given (the sender's, carried by the message), else the current one.
    /// </summary>
    public async Task RunAsync(string handler, ActivityKind kind, Func<Task> run, ActivityContext parent = default)
    {
        using var activity = ActivitySource.StartActivity(handler, kind, parent);
        activity?.SetTag("digestpipeline.handler", handler);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failure";
        try
        {
            await run();
            outcome = "success";
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            activity?.AddException(e);
            throw;
        }
        finally
        {
            _handlerDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("digestpipeline.handler", handler),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    /// <summary>
    /// The sender's span carried by a queue message as its <c>traceParent</c> property (W3C format), so that one
    /// trace runs from ingest to summarize and from planning to each digest; default when the message has none or is
    /// not JSON (the handler reports that).
    /// </summary>
    public static ActivityContext TraceParentOf(string messageText)
    {
        try
        {
            using var message = JsonDocument.Parse(messageText);
            return message.RootElement.ValueKind == JsonValueKind.Object
                   && message.RootElement.TryGetProperty("traceParent", out var traceParent)
                   && traceParent.ValueKind == JsonValueKind.String
                   && ActivityContext.TryParse(traceParent.GetString(), null, isRemote: true, out var parent)
                ? parent
                : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>
    /// Puts an id on the current span and in the log scope (as <paramref name="scopeKey"/>: DocumentId,
    /// SubscriberId, DeliveryId), so that every log line written until disposal carries it.
    /// </summary>
    public static IDisposable? Tag(ILogger logger, string scopeKey, string tag, string value)
    {
        Activity.Current?.SetTag(tag, value);
        return logger.BeginScope(new Dictionary<string, object> { [scopeKey] = value });
    }

    public static IDisposable? TagDocument(ILogger logger, string documentId) => Tag(logger, "DocumentId", DocumentIdTag, documentId);

    public static IDisposable? TagSubscriber(ILogger logger, string subscriberId) => Tag(logger, "SubscriberId", SubscriberIdTag, subscriberId);

    public static IDisposable? TagDelivery(ILogger logger, string deliveryId) => Tag(logger, "DeliveryId", DeliveryIdTag, deliveryId);

    public void Dispose()
    {
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}
