using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;
using DigestPipeline.LocalHost;
using DigestPipeline.Azure.Storage;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.LocalHost;

/// <summary>A burst of uploads larger than the ingest queue may hold: published as ingest drains, none lost or repeated.</summary>
public sealed class BlobWatcherBurstTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Burst = BlobWatcher.MaxWaitingEvents + 36;

    [Fact]
    public async Task A_burst_waits_for_room_in_ingest_and_a_restarted_watcher_publishes_the_rest_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.BuildServices(new Dictionary<string, string?> { ["LocalHost:BlobPollInterval"] = "00:00:00.050" }, localHost: true);
        await services.GetRequiredService<StorageInitializer>().InitializeAsync(ct);
        var incoming = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.IncomingContainer);
        await Parallel.ForEachAsync(Enumerable.Range(0, Burst), ct, async (i, token) =>
            await incoming.UploadBlobAsync($"burst/{i:D3}.md", BinaryData.FromString($"# Note {i}\nÉnergie."), token));
        var ingest = azurite.RawQueue(StorageNames.IngestQueue);

        var first = ActivatorUtilities.CreateInstance<BlobWatcher>(services);
        await first.StartAsync(ct);
        await AzuriteEventually.UntilAsync(() => first.Published == BlobWatcher.MaxWaitingEvents, "the first watcher filled the ingest queue");
        await BlobWatcherTests.PollTwiceMoreAsync(first);
        first.Published.ShouldBe(BlobWatcher.MaxWaitingEvents, "no room in ingest, so nothing more is published");
        // Stopped with part of the burst unpublished, as a crash would leave it: those blobs have no receipt.
        await first.StopAsync(ct);

        var handled = await ReceiveAndDeleteAsync(ingest, 40, ct);
        var second = ActivatorUtilities.CreateInstance<BlobWatcher>(services);
        await second.StartAsync(ct);
        await AzuriteEventually.UntilAsync(() => second.Published == Burst - BlobWatcher.MaxWaitingEvents, "the second watcher published the rest");
        await BlobWatcherTests.PollTwiceMoreAsync(second);
        await second.StopAsync(ct);

        second.Published.ShouldBe(Burst - BlobWatcher.MaxWaitingEvents);
        (await ingest.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount.ShouldBeLessThanOrEqualTo(BlobWatcher.MaxWaitingEvents);
        var all = handled.Concat(await ReceiveAndDeleteAsync(ingest, Burst - handled.Count, ct)).ToList();
        all.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(0, Burst).Select(i => $"burst/{i:D3}.md"));
    }

    /// <summary>Takes <paramref name="count"/> events off the queue, as ingest would, and returns their blob names.</summary>
    private static async Task<List<string>> ReceiveAndDeleteAsync(QueueClient queue, int count, CancellationToken ct)
    {
        var names = new List<string>();
        while (names.Count < count)
        {
            var messages = (await queue.ReceiveMessagesAsync(Math.Min(32, count - names.Count), TimeSpan.FromMinutes(1), ct)).Value;
            messages.ShouldNotBeEmpty($"the queue ran dry after {names.Count} of {count} events");
            foreach (var message in messages)
            {
                var upload = EventGridUpload.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)));
                names.Add(upload.ShouldNotBeNull().BlobName);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            }
        }

        return names;
    }
}
