using System.Text;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;
using DigestPipeline.LocalHost;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core;
using DigestPipeline.Core.Documents;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.LocalHost;

/// <summary>
/// In Azure, the <c>ingest</c> queue is filled by an Event Grid subscription on the storage account, not by the local
/// blob watcher. Event Grid writes one event per queue message, in the Event Grid schema, as base64 of the UTF-8 JSON
/// (what the Functions queue trigger decodes with host.json's <c>messageEncoding: base64</c>), with fields the local
/// watcher does not write. Here such a message, put on the queue byte for byte, is ingested by the pump and the real
/// handlers, with no blob watcher running: only that message can cause the ingest.
/// </summary>
public sealed class EventGridQueueMessageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string BlobName = "reports/sommet IA.txt";

    /// <summary>Microsoft's documented BlobCreated event (Event Grid schema), for a blob of this Azurite account.</summary>
    private static string EventGridMessage(string blobUrl) => $$"""
        {
          "topic": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-digest/providers/Microsoft.Storage/storageAccounts/stdigest",
          "subject": "/blobServices/default/containers/incoming/blobs/{{BlobName}}",
          "eventType": "Microsoft.Storage.BlobCreated",
          "id": "831e1650-001e-001b-66ab-eeb76e069631",
          "data": {
            "api": "PutBlockList",
            "clientRequestId": "6d79dbfb-0e37-4fc4-981f-442c9ca65760",
            "requestId": "831e1650-001e-001b-66ab-eeb76e000000",
            "eTag": "\"0x8D4BCC2E4835CD0\"",
            "contentType": "text/plain",
            "contentLength": 524288,
            "blobType": "BlockBlob",
            "accessTier": "Default",
            "url": "{{blobUrl}}",
            "sequencer": "00000000000004420000000000028963",
            "storageDiagnostics": { "batchId": "b68529f3-68cd-4744-baa4-3c0498ec19f0" }
          },
          "dataVersion": "",
          "metadataVersion": "1",
          "eventTime": "2026-11-24T10:41:00.9584103Z"
        }
        """;

    [Fact]
    public async Task Event_Grid_BlobCreated_message_as_written_to_the_ingest_queue_is_ingested_and_summarized()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string?>
        {
            ["Themes:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds", "themes.json"),
            ["Subscriptions:TokenSecret"] = RunningPipeline.TokenSecret,
            ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "digest-eventgrid-test-mail"),
            ["extensions:queues:messageEncoding"] = "base64",
            ["extensions:queues:maxPollingInterval"] = "00:00:00.200",
        };
        using var host = azurite.BuildHost(settings, services =>
        {
            services.AddDigestPipelineCore();
            services.AddPipelineQueues();
            services.AddDigestMail(azurite.Configuration(settings));
            services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
            services.AddHostedService<QueuePump>();
        });
        await host.StartAsync(ct);

        var blob = azurite.Blobs().GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient(BlobName);
        var article = Path.Combine(AppContext.BaseDirectory, "seeds", "documents", "fr-tech-basel-ai-summit-miami.txt");
        await blob.UploadAsync(BinaryData.FromBytes(await File.ReadAllBytesAsync(article, ct)), ct);
        var wire = Convert.ToBase64String(Encoding.UTF8.GetBytes(EventGridMessage(blob.Uri.ToString())));
        await azurite.RawQueue(StorageNames.IngestQueue).SendMessageAsync(wire, ct);

        var documents = host.Services.GetRequiredService<IDocumentRecords>();
        var record = await RunningPipeline.EventuallyAsync(async () =>
        {
            await foreach (var r in documents.ListRecordsAsync(ct))
            {
                if (r.SourceName == BlobName && r.Status == DocumentStatus.Summarized)
                    return r;
            }

            return null;
        }, "the document of the Event Grid message, summarized", ct);
        await host.StopAsync(ct);

        record.Language.ShouldBe("fr");
        var ingestQueue = await azurite.RawQueue(StorageNames.IngestQueue).GetPropertiesAsync(ct);
        ingestQueue.Value.ApproximateMessagesCount.ShouldBe(0);
    }
}
