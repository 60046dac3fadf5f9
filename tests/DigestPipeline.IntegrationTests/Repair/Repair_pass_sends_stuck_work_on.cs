using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Core;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Repair;
using DigestPipeline.Core.Summaries;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.Mail;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Repair;

/// <summary>
/// The repair pass on a real Azurite, with the handlers run by hand (no watcher, no queue pump), so that each kind of
/// lost message is made exactly: an upload whose event never came, a document whose summarize message was lost, a
/// summarized document whose summaries blob is gone, a document whose text is gone too. Each is sent on once, the
/// handlers then finish it, and a second pass has nothing to do.
/// </summary>
public sealed class Repair_pass_sends_stuck_work_on : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    /// <summary>Uploads whose event was sent by <see cref="HandleAllAsync"/>'s stand-in for the watcher, or taken as lost.</summary>
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);
    private ServiceProvider? _services;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private ServiceProvider Services => _services!;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Themes:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds", "themes.json"),
            ["Subscriptions:TokenSecret"] = RunningPipeline.TokenSecret,
            ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "digest-repair-test-mail"),
            ["Repair:StuckAfter"] = "00:10:00",
            ["Repair:MaxActionsPerRun"] = "3",
        };
        // The whole pipeline's services (ingest and summarize need mail registered only to be built; no mail is sent).
        _services = _azurite.BuildServices(settings, services => services.AddDigestPipelineCore().AddPipelineQueues().AddDigestMail(_azurite.Configuration(settings)));
        await Services.GetRequiredService<StorageInitializer>().InitializeAsync(Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_summarize_message_for_a_document_whose_text_was_lost_is_refused_at_once_and_repair_ingests_it_again()
    {
        var incoming = Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.IncomingContainer);
        await incoming.UploadBlobAsync("lost-text.txt", BinaryData.FromBytes(RunningPipeline.SeedArticle("lost text")), Cancellation);
        await HandleAllAsync();
        var documentRecords = Services.GetRequiredService<IDocumentRecords>();
        var record = (await documentRecords.ListRecordsAsync(Cancellation).ToListAsync(Cancellation)).Single(r => r.SourceName == "lost-text.txt");
        // As after an emulator crash: the row says Ingested, its summarize message is there, its text is gone.
        await documentRecords.SetRecordAsync(record with { Status = DocumentStatus.Ingested }, Cancellation);
        await Services.GetRequiredService<IDocumentStore>().DeleteAsync(record.Id, Cancellation);

        var refused = await Should.ThrowAsync<UnprocessableMessageException>(() => Services.GetRequiredService<SummarizeDocumentHandler>()
            .HandleAsync(new SummarizeMessage(SummarizeMessage.CurrentVersion, record.Id, null), Cancellation));

        refused.Message.ShouldContain("has lost its text");
        var repaired = await Services.GetRequiredService<RepairHandler>().RepairAsync(DateTimeOffset.UtcNow.AddHours(1), Cancellation);
        repaired.IngestResent.ShouldBe(1);
        await HandleAllAsync();
        (await documentRecords.GetRecordAsync(record.Id, Cancellation)).ShouldNotBeNull().Status.ShouldBe(DocumentStatus.Summarized);
    }

    [Fact]
    public async Task Each_kind_of_stuck_work_is_sent_on_once_and_a_second_pass_finds_nothing()
    {
        var incoming = Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.IncomingContainer);
        var documents = Services.GetRequiredService<IDocumentStore>();
        var documentRecords = Services.GetRequiredService<IDocumentRecords>();
        var summaries = Services.GetRequiredService<ISummaryStore>();

        // Three uploads ingested and summarized as usual.
        foreach (var name in new[] { "ingested.txt", "summarized.txt", "textless.txt" })
        {
            await incoming.UploadBlobAsync(name, BinaryData.FromBytes(RunningPipeline.SeedArticle(name)), Cancellation);
            await HandleAllAsync();
        }

        var records = await documentRecords.ListRecordsAsync(Cancellation).ToListAsync(Cancellation);
        records.Count.ShouldBe(3);
        records.ShouldAllBe(r => r.Status == DocumentStatus.Summarized);
        string IdOf(string name) => records.Single(r => r.SourceName == name).Id;

        // Lost messages, made by hand: "ingested.txt" is back to Ingested with no summarize message (lost with the
        // emulator's unflushed state); "summarized.txt" lost its summaries blob; "textless.txt" lost its summaries and
        // its text; and "never-ingested.txt" was uploaded without any event reaching ingest.
        var ingested = records.Single(r => r.SourceName == "ingested.txt");
        await documentRecords.SetRecordAsync(ingested with { Status = DocumentStatus.Ingested }, Cancellation);
        await summaries.DeleteAsync(IdOf("ingested.txt"), Cancellation);
        await summaries.DeleteAsync(IdOf("summarized.txt"), Cancellation);
        await summaries.DeleteAsync(IdOf("textless.txt"), Cancellation);
        await documents.DeleteAsync(IdOf("textless.txt"), Cancellation);
        await incoming.UploadBlobAsync("never-ingested.txt", BinaryData.FromBytes(RunningPipeline.SeedArticle("never")), Cancellation);
        _published.Add("never-ingested.txt"); // its event is the lost one

        var repair = Services.GetRequiredService<RepairHandler>();
        var now = DateTimeOffset.UtcNow;
        var early = await repair.RepairAsync(now, Cancellation);
        early.UploadsRepublished.ShouldBe(0, "an upload younger than StuckAfter may still have its event in flight");

        // An hour later everything counts as stuck: four actions, over a budget of three per pass.
        var first = await repair.RepairAsync(now.AddHours(1), Cancellation);
        first.Actions.ShouldBe(3);
        first.Deferred.ShouldBe(1);
        var second = await repair.RepairAsync(now.AddHours(1), Cancellation);
        second.Actions.ShouldBe(1, "the pass goes on where the last one stopped, and repeats nothing it sent less than StuckAfter ago");
        second.Deferred.ShouldBe(0);
        (first.UploadsRepublished + second.UploadsRepublished).ShouldBe(1, "never-ingested.txt");
        (first.SummarizeResent + second.SummarizeResent).ShouldBe(2, "ingested.txt and summarized.txt still have their text");
        (first.IngestResent + second.IngestResent).ShouldBe(1, "textless.txt has no text left: its upload is ingested again");
        (first.Unrepairable + second.Unrepairable).ShouldBe(0);

        await HandleAllAsync();
        var after = await documentRecords.ListRecordsAsync(Cancellation).ToListAsync(Cancellation);
        after.Count.ShouldBe(4);
        after.ShouldAllBe(r => r.Status == DocumentStatus.Summarized);
        foreach (var record in after)
        {
            (await summaries.GetAsync(record.Id, Cancellation)).ShouldNotBeNull($"{record.SourceName} has its summaries again");
            (await documents.GetAsync(record.Id, Cancellation)).ShouldNotBeNull($"{record.SourceName} has its text again");
        }

        var last = await repair.RepairAsync(now.AddHours(2), Cancellation);
        last.ShouldBe(new RepairReport(0, 0, 0, 0, 0), "nothing is stuck any more: every upload is marked handled, every document summarized");
    }

    [Fact]
    public async Task A_document_with_neither_text_nor_upload_is_reported_not_sent_on()
    {
        var incoming = Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.IncomingContainer);
        var documents = Services.GetRequiredService<IDocumentStore>();
        var documentRecords = Services.GetRequiredService<IDocumentRecords>();
        await incoming.UploadBlobAsync("gone.txt", BinaryData.FromBytes(RunningPipeline.SeedArticle("gone")), Cancellation);
        await HandleAllAsync();
        var record = (await documentRecords.ListRecordsAsync(Cancellation).ToListAsync(Cancellation)).Single();
        await documentRecords.SetRecordAsync(record with { Status = DocumentStatus.Ingested }, Cancellation);
        await documents.DeleteAsync(record.Id, Cancellation);
        await incoming.DeleteBlobAsync("gone.txt", cancellationToken: Cancellation);

        var report = await Services.GetRequiredService<RepairHandler>().RepairAsync(DateTimeOffset.UtcNow.AddHours(1), Cancellation);

        report.ShouldBe(new RepairReport(0, 0, 0, 1, 0));
        (await _azurite.RawQueue(StorageNames.IngestQueue).PeekMessagesAsync(32, Cancellation)).Value.ShouldBeEmpty();
        (await _azurite.RawQueue(StorageNames.SummarizeQueue).PeekMessagesAsync(32, Cancellation)).Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_upload_marked_handled_whose_record_was_lost_is_published_again()
    {
        var incoming = Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.IncomingContainer);
        var documentRecords = Services.GetRequiredService<IDocumentRecords>();
        await incoming.UploadBlobAsync("rowless.txt", BinaryData.FromBytes(RunningPipeline.SeedArticle("rowless")), Cancellation);
        await HandleAllAsync();
        // An emulator crash lost the status row and kept the upload's "handled" mark, written after it.
        var table = new TableClient(_azurite.ConnectionString, StorageNames.DocumentsTable);
        var row = await table.QueryAsync<TableEntity>(r => r.RowKey == "status", cancellationToken: Cancellation).SingleAsync(Cancellation);
        await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: Cancellation);

        var report = await Services.GetRequiredService<RepairHandler>().RepairAsync(DateTimeOffset.UtcNow.AddHours(1), Cancellation);
        await HandleAllAsync();

        report.UploadsRepublished.ShouldBe(1);
        var record = (await documentRecords.ListRecordsAsync(Cancellation).ToListAsync(Cancellation)).ShouldHaveSingleItem();
        record.SourceName.ShouldBe("rowless.txt");
        record.Status.ShouldBe(DocumentStatus.Summarized);
    }

    /// <summary>
    /// Plays the local stand-in for Event Grid for every upload that has no event yet, once (as a watcher would),
    /// then runs ingest and summarize on every message until both queues are empty.
    /// </summary>
    private async Task HandleAllAsync()
    {
        var publisher = Services.GetRequiredService<IMessagePublisher>();
        await foreach (var upload in Services.GetRequiredService<IUploadStore>().ListIncomingAsync(Cancellation))
        {
            if (_published.Add(upload.Name))
            {
                await publisher.PublishAsync(new UploadArrived(
                    upload.Name, upload.ETag.Trim('"'), upload.Url, upload.Length, upload.ContentType, DateTimeOffset.UtcNow), Cancellation);
            }
        }

        var codec = Services.GetRequiredService<QueueMessageCodec>();
        var handlers = Services.GetServices<IQueueHandler>()
            .Where(h => h.Queue is StorageNames.IngestQueue or StorageNames.SummarizeQueue).ToList();
        handlers.Count.ShouldBe(2);
        for (var handled = true; handled;)
        {
            handled = false;
            foreach (var handler in handlers)
            {
                var raw = _azurite.RawQueue(handler.Queue);
                foreach (var message in (await raw.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), Cancellation)).Value)
                {
                    await handler.HandleAsync(codec.Decode(message.MessageText), Cancellation);
                    await raw.DeleteMessageAsync(message.MessageId, message.PopReceipt, Cancellation);
                    handled = true;
                }
            }
        }
    }
}
