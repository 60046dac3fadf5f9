using System.Collections.Concurrent;
using Azure.Data.Tables;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace DigestPipeline.IntegrationTests.Storage;

/// <summary>The DigestsDue table on Azurite, emptied before each test: "due up to now" reads every earlier entry.</summary>
public sealed class DueIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private ServiceProvider? _services;

    private IDueIndex Index => _services!.GetRequiredService<IDueIndex>();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _services = azurite.BuildServices();
        await _services.GetRequiredService<StorageInitializer>().InitializeAsync(Cancellation);
        var due = _services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.DueTable);
        await foreach (var row in due.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: Cancellation))
            await due.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: Cancellation);
    }

    public async ValueTask DisposeAsync() => await _services!.DisposeAsync();

    private static DueEntry Entry(string subscriberId, DateTimeOffset due) => new(subscriberId, due, "0 7 * * *", "UTC");

    [Fact]
    public async Task Bundles_are_read_oldest_first_up_to_now_and_placing_the_same_entries_twice_keeps_one()
    {
        var seven = new DateTimeOffset(2001, 1, 1, 7, 0, 0, TimeSpan.Zero);
        await Index.PlaceAsync([Entry("b", seven), Entry("a", seven), Entry("c", seven.AddDays(1))], Cancellation);
        await Index.PlaceAsync([Entry("later", seven.AddSeconds(30)), Entry("early", seven.AddHours(-1))], Cancellation);
        await Index.PlaceAsync([Entry("a", seven), Entry("b", seven)], Cancellation);

        var due = await Index.ReadDueAsync(seven.AddSeconds(10), Cancellation).ToListAsync(Cancellation);

        // "later" is in 07:00's partition but due after now: it waits for the next run.
        due.Select(b => string.Join(",", b.Entries.Select(e => e.SubscriberId))).ShouldBe(["early", "a,b"]);
        due.ShouldAllBe(b => b.ETag != null && b.PlannedAt == null);
        due.SelectMany(b => b.Entries).ShouldAllBe(e => e.Schedule == "0 7 * * *" && e.TimeZone == "UTC");
        (await Index.ListAsync(Cancellation).ToListAsync(Cancellation)).Select(e => e.SubscriberId).Order().ShouldBe(["a", "b", "c", "early", "later"]);
    }

    [Fact]
    public async Task A_thousand_entries_placed_together_are_ten_rows()
    {
        var seven = new DateTimeOffset(2005, 1, 1, 7, 0, 0, TimeSpan.Zero);
        var entries = Enumerable.Range(0, 1000).Select(i => new DueEntry($"subscriber-{i:D4}-{Guid.NewGuid()}", seven, "30 7 * * 1-5", "America/Argentina/ComodRivadavia")).ToList();

        await Index.PlaceAsync(entries, Cancellation);

        var rows = await _services!.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.DueTable)
            .QueryAsync<TableEntity>(select: ["RowKey"], cancellationToken: Cancellation).ToListAsync(Cancellation);
        rows.Count.ShouldBe(10);
        var due = await Index.ReadDueAsync(seven, Cancellation).ToListAsync(Cancellation);
        due.Count.ShouldBe(10);
        due.SelectMany(b => b.Entries).OrderBy(e => e.SubscriberId, StringComparer.Ordinal).ShouldBe(entries);
    }

    [Fact]
    public async Task Compaction_gathers_a_future_minutes_part_filled_rows_and_loses_no_entry()
    {
        var seven = new DateTimeOffset(2006, 1, 1, 7, 0, 0, TimeSpan.Zero);
        foreach (var i in Enumerable.Range(0, 150))
            await Index.PlaceAsync([Entry($"c{i:D3}", seven)], Cancellation);
        await Index.PlaceAsync([Entry("x", seven.AddMinutes(-30)), Entry("y", seven.AddMinutes(-30))], Cancellation);
        await Index.PlaceAsync([Entry("z", seven.AddMinutes(-30))], Cancellation);
        var before = await Index.ListAsync(Cancellation).Select(e => e.SubscriberId).OrderBy(id => id, StringComparer.Ordinal).ToListAsync(Cancellation);

        var gathered = await Index.CompactAsync(seven.AddMinutes(-10), Cancellation);

        gathered.ShouldBe(150);
        var due = await Index.ReadDueAsync(seven, Cancellation).ToListAsync(Cancellation);
        // 06:30 is before the compaction's start and keeps its two rows; 07:00's 150 rows are now two.
        due.Select(b => b.Entries.Count).ShouldBe([1, 2, 50, 100], ignoreOrder: true);
        (await Index.ListAsync(Cancellation).Select(e => e.SubscriberId).OrderBy(id => id, StringComparer.Ordinal).ToListAsync(Cancellation)).ShouldBe(before);
        (await Index.CompactAsync(seven.AddMinutes(-10), Cancellation)).ShouldBe(0);
    }

    [Fact]
    public async Task A_claim_holds_only_bundles_unchanged_since_they_were_read_and_removal_tolerates_gone_ones()
    {
        var seven = new DateTimeOffset(2002, 1, 1, 7, 0, 0, TimeSpan.Zero);
        foreach (var i in Enumerable.Range(0, 150))
            await Index.PlaceAsync([Entry($"s{i:D3}", seven)], Cancellation);
        var read = await Index.ReadDueAsync(seven, Cancellation).ToListAsync(Cancellation);

        var mine = await Index.ClaimAsync(read, seven, Cancellation);
        var theirs = await Index.ClaimAsync(read, seven, Cancellation);

        mine.Count.ShouldBe(150);
        mine.ShouldAllBe(b => b.PlannedAt == seven);
        theirs.ShouldBeEmpty();
        var claimed = await Index.ReadDueAsync(seven, Cancellation).ToListAsync(Cancellation);
        claimed.ShouldAllBe(b => b.PlannedAt == seven);
        // The claim wrote the mark alone; the entries are as placed.
        claimed.SelectMany(b => b.Entries).Select(e => e.SubscriberId).Order().ShouldBe(Enumerable.Range(0, 150).Select(i => $"s{i:D3}"));

        await Index.RemoveAsync(mine.Take(10).ToList(), Cancellation);
        await Index.RemoveAsync(mine, Cancellation);
        (await Index.ReadDueAsync(seven, Cancellation).ToListAsync(Cancellation)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_planners_racing_plan_each_due_subscriber_once()
    {
        var seven = new DateTimeOffset(2003, 1, 1, 7, 0, 0, TimeSpan.Zero);
        await Index.PlaceAsync(Enumerable.Range(0, 600).Select(i => Entry($"r{i:D3}", seven)).ToList(), Cancellation);
        var queue = new CollectingPublisher();
        var options = OptionsFactory.Create(new DigestOptions { BatchSize = 20, Parallelism = 4 });
        PlanDigestsHandler Planner() => new(Index, _services!.GetRequiredService<ISubscriberStore>(), queue, options, new PipelineTelemetry(meters: null), NullLogger<PlanDigestsHandler>.Instance);

        var counts = await Task.WhenAll(Planner().PlanDueAsync(seven.AddMinutes(3), Cancellation), Planner().PlanDueAsync(seven.AddMinutes(3), Cancellation));

        counts.Sum().ShouldBe(600);
        queue.Requests.Count.ShouldBe(600);
        queue.Requests.Select(r => r.SubscriberId).ShouldBeUnique();
        queue.Requests.ShouldAllBe(r => r.Period == seven && !r.OnDemand);
        (await Index.ReadDueAsync(seven.AddMinutes(3), Cancellation).ToListAsync(Cancellation)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_subscriber_store_places_a_subscriber_when_they_become_due_on_a_new_schedule_and_not_otherwise()
    {
        var now = new DateTimeOffset(2004, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var tables = _services!.GetRequiredService<TableServiceClient>();
        var store = new TableSubscriberStore(tables, Index, new FakeTimeProvider(now), NullLogger<TableSubscriberStore>.Instance);
        var subscriber = new Subscriber(Subscriber.IdFor("due@example.org"), "due@example.org", "", ["health"], "fr", "0 7 * * *", "Europe/Paris", SubscriberState.Pending, now);
        async Task<List<DateTimeOffset>> Entries() =>
            (await Index.ListAsync(Cancellation).ToListAsync(Cancellation)).Where(e => e.SubscriberId == subscriber.Id).Select(e => e.Due).Order().ToList();

        await store.UpsertAsync(subscriber, Cancellation);
        (await Entries()).ShouldBeEmpty();

        await store.ChangeSettingsAsync(subscriber.Id, s => s with { State = SubscriberState.Active }, Cancellation);
        (await Entries()).ShouldBe([new DateTimeOffset(2004, 3, 2, 6, 0, 0, TimeSpan.Zero)]);

        await store.ChangeSettingsAsync(subscriber.Id, s => s with { DisplayName = "Ada" }, Cancellation);
        (await Entries()).Count.ShouldBe(1);

        await store.ChangeSettingsAsync(subscriber.Id, s => s with { TimeZone = "Asia/Tokyo" }, Cancellation);
        // The entry at the old time stays until it falls due, when the sender drops its digest.
        (await Entries()).ShouldBe([new DateTimeOffset(2004, 3, 1, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2004, 3, 2, 6, 0, 0, TimeSpan.Zero)]);
    }

    private sealed class CollectingPublisher : IMessagePublisher
    {
        private readonly ConcurrentQueue<DigestRequest> _requests = new();

        public IReadOnlyList<DigestRequest> Requests => _requests.ToList();

        public Task PublishAsync<TMessage>(TMessage message, TimeSpan delay, CancellationToken cancellationToken) where TMessage : notnull
        {
            foreach (var request in ((DigestBatchMessage)(object)message).Requests)
                _requests.Enqueue(request);
            return Task.CompletedTask;
        }
    }
}
