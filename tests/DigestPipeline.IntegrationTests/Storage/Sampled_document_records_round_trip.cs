using Azure.Data.Tables;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Storage;

/// <summary>
/// Issue 12: a document too long to be considered whole says so in its Documents row (sentences considered and in
/// the text); a row written before those columns existed reads as a document considered whole.
/// </summary>
public sealed class Sampled_document_records_round_trip(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 7, 0, 0, TimeSpan.Zero);
    private ServiceProvider? _services;

    private IDocumentRecords Records => _services!.GetRequiredService<IDocumentRecords>();

    public async ValueTask InitializeAsync()
    {
        _services = azurite.BuildServices();
        await _services.GetRequiredService<StorageInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _services!.DisposeAsync();

    [Fact]
    public async Task A_sampled_record_keeps_its_sample_and_an_older_row_reads_as_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        await Records.SetRecordAsync(new DocumentRecord("doc-long", "long.md", DocumentStatus.Summarized, T0, "en", "Long", Themes: ["energy-compute"],
            Sample: new SentenceSample(Considered: 200_000, InText: 431_112)), ct);
        var table = _services!.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.DocumentsTable);
        await table.UpsertEntityAsync(new TableEntity(TableKey.Encode("doc-old"), DocumentRecordEntity.Row)
        {
            ["Id"] = "doc-old",
            ["SourceName"] = "old.txt",
            ["Status"] = "Summarized",
            ["UpdatedAt"] = T0,
        }, cancellationToken: ct);

        var sampled = await Records.GetRecordAsync("doc-long", ct);
        var old = await Records.GetRecordAsync("doc-old", ct);

        sampled.ShouldNotBeNull();
        sampled.Sample.ShouldBe(new SentenceSample(200_000, 431_112));
        old.ShouldNotBeNull();
        old.Status.ShouldBe(DocumentStatus.Summarized);
        old.Sample.ShouldBeNull();
    }
}
