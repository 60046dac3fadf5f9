using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Mail;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Faults;

/// <summary>
/// Fault: at-least-once delivery taken literally. After a document went all the way to a digest, every message type
/// (the ingest event, summarize, the digest batch, a planning tick) is delivered twice more: rows, blobs and
/// emails stay exactly as they were.
/// </summary>
[Collection(MaildevCollection.Name)]
public sealed class Every_message_delivered_twice(AzuriteFixture azurite, MaildevFixture maildev) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingest_summarize_digest_and_planning_delivered_twice_leave_the_same_rows_blobs_and_emails()
    {
        await using var pipeline = await RunningPipeline.StartAsync(azurite, maildev, Cancellation);
        const string blobName = "twice/article.txt";
        const string address = "twice.faults@example.org";
        var bytes = RunningPipeline.SeedArticle("twice");
        var document = await pipeline.UploadAndWaitForSummaryAsync(blobName, bytes, Cancellation);
        var subscriber = await pipeline.SubscribeAsync(address, "fr", ["health", "energy-compute"], DateTimeOffset.UtcNow.AddMinutes(-2), Cancellation);
        // Subscribed just now on "every minute": their first digest falls due at the next minute, which this test plans.
        var now = DateTimeOffset.UtcNow.AddMinutes(1);
        var planner = pipeline.Get<PlanDigestsHandler>();
        (await planner.PlanDueAsync(now, Cancellation)).ShouldBe(1);
        (await maildev.WaitForEmailsAsync(e => RunningPipeline.SentTo(e, address), 1, TimeSpan.FromSeconds(30), Cancellation)).Count.ShouldBe(1);
        await pipeline.WaitUntilIdleAsync(publishedAtLeast: 1, Cancellation);
        var before = await StorageState.CaptureAsync(azurite.ConnectionString, Cancellation);
        before.Keys.ShouldContain($"blob {StorageNames.DocumentsContainer}/{document.Id}.json");
        before.Keys.ShouldContain(k => k.StartsWith($"table {StorageNames.DeliveriesTable} ", StringComparison.Ordinal));

        var blob = pipeline.Blobs.GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient(blobName);
        var ingest = await IncomingEvent.ForAsync(blob, Cancellation);
        var summarize = PipelineJson.Serialize(new SummarizeMessage(SummarizeMessage.CurrentVersion, document.Id));
        var period = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var digest = PipelineJson.Serialize(new DigestBatchMessage(DigestBatchMessage.CurrentVersion, [new DigestRequest(subscriber.Id, period)]));
        var queue = pipeline.Get<IQueueSender>();
        for (var copy = 0; copy < 2; copy++)
        {
            await queue.SendAsync(StorageNames.IngestQueue, ingest, Cancellation);
            await queue.SendAsync(StorageNames.SummarizeQueue, summarize, Cancellation);
            await queue.SendAsync(StorageNames.DigestQueue, digest, Cancellation);
            (await planner.PlanDueAsync(now, Cancellation)).ShouldBe(0);
        }

        await pipeline.WaitUntilIdleAsync(publishedAtLeast: 1, Cancellation);
        // Each handler's work was done again (or skipped) and settled: none of them is left failing or poisoned.
        foreach (var name in StorageNames.Queues)
            (await azurite.RawQueue(StorageNames.PoisonQueue(name)).GetPropertiesAsync(Cancellation)).Value.ApproximateMessagesCount.ShouldBe(0);
        var after = await StorageState.CaptureAsync(azurite.ConnectionString, Cancellation);
        after.ShouldBe(before);
        (await maildev.GetEmailsAsync(Cancellation)).Count(e => RunningPipeline.SentTo(e, address)).ShouldBe(1);
    }
}
