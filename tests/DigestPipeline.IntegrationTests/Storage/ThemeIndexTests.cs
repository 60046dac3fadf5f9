using Azure.Data.Tables;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Storage;

public sealed class ThemeIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 7, 0, 0, TimeSpan.Zero);
    private ServiceProvider? _services;

    private IThemeIndex Index => _services!.GetRequiredService<IThemeIndex>();

    public async ValueTask InitializeAsync()
    {
        _services = azurite.BuildServices();
        await _services.GetRequiredService<StorageInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _services!.DisposeAsync();

    private static DocumentSummaries Summaries(string documentId, DateTimeOffset at, params string[] themes) =>
        new(documentId, $"{documentId}.txt", "Title", "en", at,
            themes.Select(t => new ThemedSummary(t, new Dictionary<string, string> { ["en"] = t }, false, 1, [], [])).ToList());

    private async Task<List<ThemeIndexEntry>> Query(string theme, DateTimeOffset after, DateTimeOffset upTo)
    {
        var entries = new List<ThemeIndexEntry>();
        await foreach (var entry in Index.QueryAsync(theme, after, upTo, TestContext.Current.CancellationToken))
            entries.Add(entry);
        return entries;
    }

    [Fact]
    public async Task Reindexing_the_same_summaries_writes_the_same_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        var summaries = Summaries("doc-r", T0, "energy", "health");

        await Index.AddAsync(summaries, ct);
        await Index.AddAsync(summaries, ct);

        var rows = new List<TableEntity>();
        var table = _services!.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.ThemeIndexTable);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.GetString("DocumentId") == "doc-r", cancellationToken: ct))
            rows.Add(row);
        // Per theme: the time row and the first-indexed row.
        rows.Count.ShouldBe(4);
        rows.Where(r => !r.RowKey.StartsWith("first_", StringComparison.Ordinal)).Select(r => r.PartitionKey)
            .ShouldBe(["energy", "health"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_resummarized_document_keeps_the_time_it_was_first_indexed()
    {
        var ct = TestContext.Current.CancellationToken;
        await Index.AddAsync(Summaries("doc-again", T0, "energy"), ct);

        // Summarized again a day later (a retry after a crash, or an operator re-running it): same document, same theme.
        await Index.AddAsync(Summaries("doc-again", T0.AddDays(1), "energy", "health"), ct);

        // Other tests of this class index other documents in the same Azurite: look at this one only.
        (await Query("energy", T0.AddMinutes(1), T0.AddDays(2))).ShouldNotContain(e => e.DocumentId == "doc-again");
        (await Query("energy", T0.AddMinutes(-1), T0)).Where(e => e.DocumentId == "doc-again").ShouldHaveSingleItem().IndexedAt.ShouldBe(T0);
        // A theme the document did not have before is new on that theme.
        (await Query("health", T0.AddMinutes(1), T0.AddDays(2))).Where(e => e.DocumentId == "doc-again").ShouldHaveSingleItem().IndexedAt.ShouldBe(T0.AddDays(1));
    }

    [Fact]
    public async Task Query_returns_the_theme_entries_after_the_start_and_up_to_the_end()
    {
        var ct = TestContext.Current.CancellationToken;
        await Index.AddAsync(Summaries("doc-0", T0, "security"), ct);
        await Index.AddAsync(Summaries("doc-1", T0.AddMinutes(1), "security", "energy"), ct);
        await Index.AddAsync(Summaries("doc-2", T0.AddMinutes(2), "security"), ct);
        await Index.AddAsync(Summaries("doc-3", T0.AddMinutes(3), "security"), ct);

        var window = await Query("security", T0, T0.AddMinutes(2));

        window.Select(e => e.DocumentId).ShouldBe(["doc-1", "doc-2"]);
        window[0].IndexedAt.ShouldBe(T0.AddMinutes(1));
        window[0].ThemeId.ShouldBe("security");
        (await Query("energy", T0, T0.AddMinutes(2))).ShouldHaveSingleItem().DocumentId.ShouldBe("doc-1");
        (await Query("security", T0.AddMinutes(3), T0.AddMinutes(10))).ShouldBeEmpty();
    }
}
