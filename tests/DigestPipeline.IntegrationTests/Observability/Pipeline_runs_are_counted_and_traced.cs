using System.Diagnostics;
using System.Text;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Mail;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Observability;

/// <summary>
/// The counters, histograms and spans of <see cref="PipelineTelemetry"/> as an OpenTelemetry exporter receives
/// them, through the running local host on Azurite with delivery to maildev. Each test has its own Azurite: a
/// message another test left to be retried (the failing handler's) must not be counted in the next one's figures.
/// </summary>
[Collection(MaildevCollection.Name)]
public sealed class Pipeline_runs_are_counted_and_traced(MaildevFixture maildev) : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private RunningPipeline _pipeline = null!;
    private TelemetryRecorder _telemetry = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _pipeline = await RunningPipeline.StartAsync(_azurite, maildev, Cancellation);
        _telemetry = new TelemetryRecorder(_pipeline.Get<PipelineTelemetry>());
    }

    public async ValueTask DisposeAsync()
    {
        _telemetry.Dispose();
        await _pipeline.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Uploaded_seed_document_and_its_digest_are_counted_timed_and_traced_with_their_ids()
    {
        var bytes = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "documents", "fr-tech-basel-ai-summit-miami.txt"))
                                           + $"\n\nNote de la rédaction : version {Guid.NewGuid():N}.\n");
        var documentId = new DocumentReader(new DocumentReaderOptions()).Read("sommet.txt", bytes, DateTimeOffset.UtcNow, cancellationToken: TestContext.Current.CancellationToken).Id;

        await _pipeline.UploadAsync("sommet.txt", bytes, Cancellation);
        await EventuallyCountedAsync("digestpipeline.summaries.written", 1);

        _telemetry.Sum("digestpipeline.documents.ingested").ShouldBe(1);
        _telemetry.Sum("digestpipeline.documents.rejected").ShouldBe(0);
        _telemetry.Sum("digestpipeline.summaries.written").ShouldBe(1);
        var latencies = _telemetry.Measurements("digestpipeline.queue.latency");
        foreach (var queue in new[] { StorageNames.IngestQueue, StorageNames.SummarizeQueue })
        {
            var latency = latencies.Where(m => m.Tags["messaging.destination.name"] == queue).ShouldHaveSingleItem();
            // Seconds, from insertion by Azurite's clock to the handler's start: small and never negative.
            latency.Value.ShouldBeInRange(0, 30);
        }

        var ingest = _telemetry.Spans(StorageNames.IngestQueue).ShouldHaveSingleItem();
        ingest.Kind.ShouldBe(ActivityKind.Consumer);
        ingest.GetTagItem(PipelineTelemetry.DocumentIdTag).ShouldBe(documentId);
        var summarize = _telemetry.Spans(StorageNames.SummarizeQueue).ShouldHaveSingleItem();
        summarize.GetTagItem(PipelineTelemetry.DocumentIdTag).ShouldBe(documentId);
        summarize.Status.ShouldBe(ActivityStatusCode.Unset);
        summarize.TraceId.ShouldBe(ingest.TraceId, "summarize continues the trace of the ingest that queued it");
        summarize.ParentSpanId.ShouldBe(ingest.SpanId);
        _telemetry.Measurements("digestpipeline.handler.duration")
            .Where(m => m.Tags["digestpipeline.handler"] == StorageNames.SummarizeQueue).ShouldHaveSingleItem()
            .Tags["outcome"].ShouldBe("success");

        var subscriber = await _pipeline.SubscribeAsync($"obs-{Guid.NewGuid():N}@example.org", "fr", ["health"], DateTimeOffset.UtcNow, Cancellation);
        await _pipeline.Get<PlanDigestsHandler>().RunAsync(DateTimeOffset.UtcNow.AddMinutes(1), Cancellation);
        await EventuallyCountedAsync("digestpipeline.digests.sent", 1);

        (await maildev.WaitForEmailsAsync(e => e.To?.Any(t => t.Address == subscriber.Email) == true, 1, cancellationToken: Cancellation)).Count.ShouldBe(1);
        _telemetry.Sum("digestpipeline.digests.sent").ShouldBe(1);
        _telemetry.Sum("digestpipeline.delivery.failures").ShouldBe(0);
        _telemetry.Measurements("digestpipeline.queue.latency").ShouldContain(m => m.Tags["messaging.destination.name"] == StorageNames.DigestQueue);
        _telemetry.Spans("PlanDigests").ShouldNotBeEmpty();
        var delivery = _telemetry.Spans("deliver digest").ShouldHaveSingleItem();
        delivery.GetTagItem(PipelineTelemetry.SubscriberIdTag).ShouldBe(subscriber.Id);
        ((string?)delivery.GetTagItem(PipelineTelemetry.DeliveryIdTag)).ShouldNotBeNull().ShouldStartWith(subscriber.Id + "-");
        delivery.Parent.ShouldNotBeNull().OperationName.ShouldBe(StorageNames.DigestQueue);
        var planned = _telemetry.Spans("PlanDigests").Select(span => span.SpanId).ToList();
        _telemetry.Spans(StorageNames.DigestQueue).ShouldAllBe(batch => planned.Contains(batch.ParentSpanId), "each digest batch continues the trace of the planning that queued it");
    }

    [Fact]
    public async Task A_rejected_upload_is_counted_by_reason_and_its_span_carries_its_row_id()
    {
        var binary = new byte[2048];
        new Random(11).NextBytes(binary);
        binary[5] = 0;

        await _pipeline.UploadAsync("observed.bin", binary, Cancellation);
        await EventuallyCountedAsync("digestpipeline.documents.rejected", 1);

        _telemetry.Measurements("digestpipeline.documents.rejected").ShouldHaveSingleItem().Tags["reason"].ShouldBe(nameof(RejectionReason.Binary));
        _telemetry.Sum("digestpipeline.documents.ingested").ShouldBe(0);
        var record = (await _pipeline.DocumentRecordsAsync(Cancellation)).Single(r => r.SourceName == "observed.bin");
        _telemetry.Spans(StorageNames.IngestQueue).ShouldHaveSingleItem().GetTagItem(PipelineTelemetry.DocumentIdTag).ShouldBe(record.Id);
    }

    [Fact]
    public async Task A_failing_handler_run_is_a_failed_span_and_a_failure_duration()
    {
        var message = PipelineJson.Serialize(new SummarizeMessage(SummarizeMessage.CurrentVersion, "never-ingested-" + Guid.NewGuid().ToString("N")));
        await _pipeline.Get<IQueueSender>().SendAsync(StorageNames.SummarizeQueue, message, Cancellation);

        await RunningPipeline.EventuallyAsync(() => Task.FromResult(_telemetry.Spans(StorageNames.SummarizeQueue) is [var first, ..] ? first : null), "a summarize span", Cancellation);

        var span = _telemetry.Spans(StorageNames.SummarizeQueue)[0];
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.Events.ShouldContain(e => e.Name == "exception");
        _telemetry.Measurements("digestpipeline.handler.duration")
            .ShouldContain(m => m.Tags["digestpipeline.handler"] == StorageNames.SummarizeQueue && m.Tags["outcome"] == "failure");
    }

    private Task EventuallyCountedAsync(string instrument, double atLeast) =>
        RunningPipeline.EventuallyAsync(() => Task.FromResult<object?>(_telemetry.Sum(instrument) >= atLeast ? true : null),
            $"{instrument} to reach {atLeast}", Cancellation);
}
