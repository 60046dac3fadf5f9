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
    public async Task Query_returns_the_theme_entries_after_the_start_and_up_to_the_end_newest_first()
    {
        var ct = TestContext.Current.CancellationToken;
        await Index.AddAsync(Summaries("doc-0", T0, "security"), ct);
        await Index.AddAsync(Summaries("doc-1", T0.AddMinutes(1), "security", "energy"), ct);
        await Index.AddAsync(Summaries("doc-2", T0.AddMinutes(2), "security"), ct);
        await Index.AddAsync(Summaries("doc-3", T0.AddMinutes(3), "security"), ct);

        var window = await Query("security", T0, T0.AddMinutes(2));

        window.Select(e => e.DocumentId).ShouldBe(["doc-2", "doc-1"]);
        window[1].IndexedAt.ShouldBe(T0.AddMinutes(1));
        window[1].ThemeId.ShouldBe("security");
        (await Query("energy", T0, T0.AddMinutes(2))).ShouldHaveSingleItem().DocumentId.ShouldBe("doc-1");
        (await Query("security", T0.AddMinutes(3), T0.AddMinutes(10))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Entries_of_the_same_tick_come_in_descending_document_id_the_reverse_of_oldest_first()
    {
        var ct = TestContext.Current.CancellationToken;
        // More than a page of one tick, between two other ticks, so that the tick is held across a page boundary.
        var sameTick = Enumerable.Range(0, TableThemeIndex.PageSize + 5).Select(i => $"doc-tick-{i:00}").ToList();
        await Index.AddAsync(Summaries("doc-tick-before", T0.AddHours(1), "tick"), ct);
        foreach (var id in sameTick)
            await Index.AddAsync(Summaries(id, T0.AddHours(2), "tick"), ct);
        await Index.AddAsync(Summaries("doc-tick-after", T0.AddHours(3), "tick"), ct);

        var entries = await Query("tick", T0, T0.AddHours(3));

        entries.Select(e => e.DocumentId).ShouldBe(["doc-tick-after", .. sameTick.AsEnumerable().Reverse(), "doc-tick-before"]);
    }

    [Fact]
    public async Task A_time_row_of_the_old_ascending_keys_is_still_found_and_rewritten_to_the_newest_first_key()
    {
        var ct = TestContext.Current.CancellationToken;
        var table = _services!.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.ThemeIndexTable);
        // As the previous version wrote them: the first-indexed row and the time row keyed {UTC ticks:D19}_{docId}.
        var old = T0.AddMinutes(30).AddTicks(7);
        await table.AddEntityAsync(OldRow("first_doc-old", "doc-old", old), ct);
        await table.AddEntityAsync(OldRow($"{old.UtcTicks:D19}_doc-old", "doc-old", old), ct);
        await Index.AddAsync(Summaries("doc-new", T0.AddMinutes(40), "upgraded"), ct);

        // A process that has not read the theme yet, as after an upgrade in place.
        await using var restarted = azurite.BuildServices();
        var entries = await restarted.GetRequiredService<IThemeIndex>().QueryAsync("upgraded", T0, T0.AddHours(1), ct).ToListAsync(ct);

        entries.Select(e => (e.DocumentId, e.IndexedAt)).ShouldBe([("doc-new", T0.AddMinutes(40)), ("doc-old", old)]);
        var keys = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "upgraded", select: ["RowKey"], cancellationToken: ct).Select(e => e.RowKey).ToListAsync(ct);
        // Per document: its first-indexed row and one time row.
        keys.Count.ShouldBe(4);
        keys.ShouldContain("first_doc-old");
        keys.ShouldNotContain(k => char.IsAsciiDigit(k[0]), "the ascending row is rewritten, not kept beside its new one");
    }

    [Fact]
    public async Task A_document_removed_before_its_theme_was_read_again_leaves_no_old_time_row_behind()
    {
        var ct = TestContext.Current.CancellationToken;
        var table = _services!.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.ThemeIndexTable);
        await table.AddEntityAsync(OldRow("first_doc-gone", "doc-gone", T0, theme: "removed"), ct);
        await table.AddEntityAsync(OldRow($"{T0.UtcTicks:D19}_doc-gone", "doc-gone", T0, theme: "removed"), ct);

        await using var restarted = azurite.BuildServices();
        var index = restarted.GetRequiredService<IThemeIndex>();
        await index.RemoveAsync(Summaries("doc-gone", T0, "removed"), ct);

        (await index.QueryAsync("removed", T0.AddDays(-1), T0.AddDays(1), ct).ToListAsync(ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_processes_reading_a_theme_of_old_rows_at_once_both_find_every_entry_and_leave_one_row_each()
    {
        var ct = TestContext.Current.CancellationToken;
        var table = _services!.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.ThemeIndexTable);
        // More than one transaction's worth (50 rows), so that each process rewrites while the other does.
        var ids = Enumerable.Range(0, 120).Select(i => $"doc-both-{i:000}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            await table.AddEntityAsync(OldRow($"{T0.AddSeconds(i).UtcTicks:D19}_{id}", id, T0.AddSeconds(i), theme: "concurrent"), ct);

        await using var first = azurite.BuildServices();
        await using var second = azurite.BuildServices();
        var both = await Task.WhenAll(new[] { first, second }.Select(p =>
            p.GetRequiredService<IThemeIndex>().QueryAsync("concurrent", T0.AddDays(-1), T0.AddDays(1), ct).Select(e => e.DocumentId).ToListAsync(ct).AsTask()));

        both[0].ShouldBe(ids.AsEnumerable().Reverse());
        both[1].ShouldBe(ids.AsEnumerable().Reverse());
        (await table.QueryAsync<TableEntity>(e => e.PartitionKey == "concurrent", cancellationToken: ct).CountAsync(ct)).ShouldBe(ids.Count);
    }

    private static TableEntity OldRow(string rowKey, string documentId, DateTimeOffset indexedAt, string theme = "upgraded") =>
        new(theme, rowKey) { ["ThemeId"] = theme, ["DocumentId"] = documentId, ["IndexedAt"] = indexedAt };
}
