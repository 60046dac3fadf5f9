using Azure.Storage.Blobs;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Storage;

public sealed class DocumentStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 7, 0, 0, TimeSpan.Zero);
    private ServiceProvider? _services;

    private IUploadStore Uploads => _services!.GetRequiredService<IUploadStore>();

    private IQuarantine Quarantine => _services!.GetRequiredService<IQuarantine>();

    private IDocumentStore Store => _services!.GetRequiredService<IDocumentStore>();

    private IDocumentRecords Records => _services!.GetRequiredService<IDocumentRecords>();

    private BlobContainerClient Container(string name) => _services!.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(name);

    public async ValueTask InitializeAsync()
    {
        _services = azurite.BuildServices();
        await _services.GetRequiredService<StorageInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _services!.DisposeAsync();

    [Fact]
    public async Task Reading_an_upload_stops_one_byte_past_the_cap()
    {
        var ct = TestContext.Current.CancellationToken;
        await Container(StorageNames.IncomingContainer).UploadBlobAsync("big.txt", BinaryData.FromBytes(new byte[1000]), ct);

        var capped = await Uploads.ReadIncomingAsync("big.txt", 100, ct);
        var whole = await Uploads.ReadIncomingAsync("big.txt", 1000, ct);

        capped.ShouldNotBeNull();
        capped.Content.Length.ShouldBe(101);
        capped.Length.ShouldBe(1000);
        capped.Truncated.ShouldBeTrue();
        whole.ShouldNotBeNull();
        whole.Content.Length.ShouldBe(1000);
        whole.Truncated.ShouldBeFalse();
        whole.ETag.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Empty_and_missing_uploads_read_as_empty_and_null()
    {
        var ct = TestContext.Current.CancellationToken;
        await Container(StorageNames.IncomingContainer).UploadBlobAsync("empty.txt", BinaryData.Empty, ct);

        var empty = await Uploads.ReadIncomingAsync("empty.txt", 100, ct);

        empty.ShouldNotBeNull();
        empty.Content.ShouldBeEmpty();
        empty.Truncated.ShouldBeFalse();
        (await Uploads.ReadIncomingAsync("missing.txt", 100, ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Quarantine_copies_the_upload_with_its_reason_in_metadata()
    {
        var ct = TestContext.Current.CancellationToken;
        await Container(StorageNames.IncomingContainer).UploadBlobAsync("dossier/rapport été.bin", BinaryData.FromBytes([0, 1, 2, 3]), ct);

        var uploaded = await Container(StorageNames.IncomingContainer).GetBlobClient("dossier/rapport été.bin").GetPropertiesAsync(cancellationToken: ct);
        await Quarantine.QuarantineAsync("dossier/rapport été.bin", uploaded.Value.ETag.ToString(), RejectionReason.Binary, "Fichier binaire : « refusé »", ct);

        var copy = Container(StorageNames.QuarantineContainer).GetBlobClient("dossier/rapport été.bin");
        var properties = (await copy.GetPropertiesAsync(cancellationToken: ct)).Value;
        Uri.UnescapeDataString(properties.Metadata["reason"]).ShouldBe("Binary");
        Uri.UnescapeDataString(properties.Metadata["message"]).ShouldBe("Fichier binaire : « refusé »");
        (await copy.DownloadContentAsync(ct)).Value.Content.ToArray().ShouldBe(new byte[] { 0, 1, 2, 3 });
        (await Container(StorageNames.IncomingContainer).GetBlobClient("dossier/rapport été.bin").ExistsAsync(ct)).Value.ShouldBeTrue();
    }

    [Fact]
    public async Task Saved_document_reads_back_equal_and_saving_twice_keeps_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var text = "Titre\nUne phrase.";
        var document = new SourceDocument(
            "abc123", "titre.txt", "fr", "Titre", text,
            [new DocumentBlock(BlockKind.Title, 0, 5, 0), new DocumentBlock(BlockKind.Paragraph, 6, 11, 0)],
            [new DocumentSection(0, "Titre", 0, text.Length)],
            [new Sentence(0, 0, 5, 0, 0), new Sentence(1, 6, 11, 1, 0)],
            T0, 17);

        await Store.SaveAsync(document, ct);
        await Store.SaveAsync(document, ct);
        var read = await Store.GetAsync("abc123", ct);

        read.ShouldNotBeNull();
        read.Text.ShouldBe(text);
        read.Blocks.ShouldBe(document.Blocks);
        read.Sentences.ShouldBe(document.Sentences);
        read.Sections.ShouldBe(document.Sections);
        (read with { Blocks = document.Blocks, Sections = document.Sections, Sentences = document.Sentences }).ShouldBe(document);
        var stored = (await Container(StorageNames.DocumentsContainer).GetBlobClient("abc123.json").DownloadContentAsync(ct)).Value.Content.ToString();
        stored.ShouldStartWith("{\"schemaVersion\":1,");
        (await Store.GetAsync("nothing", ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Document_records_are_upserted_by_id_and_listed()
    {
        var ct = TestContext.Current.CancellationToken;
        await Records.SetRecordAsync(new DocumentRecord("doc-1", "a.txt", DocumentStatus.Received, T0), ct);
        await Records.SetRecordAsync(new DocumentRecord("doc-1", "a.txt", DocumentStatus.Summarized, T0.AddMinutes(1), "fr", "Titre", Themes: ["energy"]), ct);
        await Records.SetRecordAsync(new DocumentRecord("incoming/odd #name?.bin", "odd #name?.bin", DocumentStatus.Rejected, T0, Reason: "Binary"), ct);

        var record = await Records.GetRecordAsync("doc-1", ct);
        var rejected = await Records.GetRecordAsync("incoming/odd #name?.bin", ct);
        var all = new List<DocumentRecord>();
        await foreach (var r in Records.ListRecordsAsync(ct))
            all.Add(r);

        record.ShouldNotBeNull();
        record.Status.ShouldBe(DocumentStatus.Summarized);
        record.Themes.ShouldBe(["energy"]);
        rejected.ShouldNotBeNull();
        rejected.Reason.ShouldBe("Binary");
        all.Select(r => r.Id).ShouldBe(["doc-1", "incoming/odd #name?.bin"], ignoreOrder: true);
    }
}
