using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Removal;
using DigestPipeline.Core.Summaries;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Mail;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.EndToEnd;

/// <summary>
/// <c>digest remove</c>: a summarized document taken out leaves nothing a later digest or page could show. Each test
/// has its own Azurite, so no other test's variant of the seed article is in its digest.
/// </summary>
[Collection(MaildevCollection.Name)]
public sealed class RemovedDocumentTests(MaildevFixture maildev) : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private RunningPipeline? _pipeline;

    private RunningPipeline Pipeline => _pipeline!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _pipeline = await RunningPipeline.StartAsync(_azurite, maildev, Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_removed_document_is_gone_from_index_summaries_text_and_upload_and_from_the_next_digest()
    {
        var kept = await Pipeline.UploadAndWaitForSummaryAsync("kept.txt", RunningPipeline.SeedArticle(variant: "kept"), Cancellation);
        var removed = await Pipeline.UploadAndWaitForSummaryAsync("retracted.txt", RunningPipeline.SeedArticle(variant: "retracted"), Cancellation);
        var themes = (await Pipeline.Get<ISummaryStore>().GetAsync(removed.Id, Cancellation)).ShouldNotBeNull().Themes.Select(t => t.ThemeId).ToList();

        var handler = Pipeline.Get<RemoveDocumentHandler>();
        var record = (await handler.RemoveAsync(removed.Id, Cancellation)).ShouldNotBeNull();
        (await handler.RemoveAsync(removed.Id, Cancellation)).ShouldNotBeNull().Status.ShouldBe(DocumentStatus.Removed, "removing twice is harmless");

        record.Status.ShouldBe(DocumentStatus.Removed);
        (await Pipeline.Get<IDocumentRecords>().GetRecordAsync(removed.Id, Cancellation)).ShouldNotBeNull().Status.ShouldBe(DocumentStatus.Removed);
        (await Pipeline.Get<ISummaryStore>().GetAsync(removed.Id, Cancellation)).ShouldBeNull();
        (await Pipeline.Get<IDocumentStore>().GetAsync(removed.Id, Cancellation)).ShouldBeNull();
        (await Pipeline.Blobs.GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient("retracted.txt").ExistsAsync(Cancellation)).Value.ShouldBeFalse();
        (await Pipeline.Blobs.GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient("kept.txt").ExistsAsync(Cancellation)).Value.ShouldBeTrue();
        var index = Pipeline.Get<IThemeIndex>();
        foreach (var theme in themes)
        {
            var entries = await index.QueryAsync(theme, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddDays(1), Cancellation).ToListAsync(Cancellation);
            entries.Select(e => e.DocumentId).ShouldNotContain(removed.Id);
            entries.Select(e => e.DocumentId).ShouldContain(kept.Id);
        }

        var subscriber = await Pipeline.SubscribeAsync("retraction.e2e@example.org", "fr", ["health"], DateTimeOffset.UtcNow, Cancellation);
        await Pipeline.Get<PlanDigestsHandler>().RunAsync(DateTimeOffset.UtcNow.AddMinutes(1), Cancellation);
        var email = (await maildev.WaitForEmailsAsync(e => RunningPipeline.SentTo(e, subscriber.Email), 1, TimeSpan.FromSeconds(30), Cancellation)).ShouldHaveSingleItem();
        email.Text.ShouldNotBeNull().ShouldContain("kept.txt");
        email.Text.ShouldNotContain("retracted.txt");
    }

    [Fact]
    public async Task A_new_file_uploaded_under_the_removed_ones_name_stays()
    {
        var first = await Pipeline.UploadAndWaitForSummaryAsync("report.txt", RunningPipeline.SeedArticle(variant: "first"), Cancellation);
        var upload = Pipeline.Blobs.GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient("report.txt");
        await upload.UploadAsync(BinaryData.FromBytes(RunningPipeline.SeedArticle(variant: "second")), overwrite: true, Cancellation);

        await Pipeline.Get<RemoveDocumentHandler>().RemoveAsync(first.Id, Cancellation);

        (await upload.ExistsAsync(Cancellation)).Value.ShouldBeTrue();
    }

    [Fact]
    public async Task A_removed_rejected_upload_leaves_neither_the_upload_nor_its_quarantined_copy()
    {
        await Pipeline.UploadAsync("secret.bin", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00, 0x00], Cancellation);
        var rejected = await RunningPipeline.EventuallyAsync(async () =>
            (await Pipeline.DocumentRecordsAsync(Cancellation)).FirstOrDefault(r => r.SourceName == "secret.bin" && r.Status == DocumentStatus.Rejected),
            "the binary upload rejected", Cancellation);
        var quarantined = Pipeline.Blobs.GetBlobContainerClient(StorageNames.QuarantineContainer).GetBlobClient("secret.bin");
        (await quarantined.ExistsAsync(Cancellation)).Value.ShouldBeTrue();

        (await Pipeline.Get<RemoveDocumentHandler>().RemoveAsync(rejected.Id, Cancellation)).ShouldNotBeNull().Status.ShouldBe(DocumentStatus.Removed);

        (await quarantined.ExistsAsync(Cancellation)).Value.ShouldBeFalse();
        (await Pipeline.Blobs.GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient("secret.bin").ExistsAsync(Cancellation)).Value.ShouldBeFalse();
    }
}
