using System.Globalization;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Repair;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Tests.Schedules.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace DigestPipeline.Core.Tests.Schedules;

/// <summary>The due index's rules, on the planner and sender over in-memory stores and a fake clock.</summary>
public sealed class The_due_index_holds_each_subscriber_at_their_next_digest
{
    private static readonly DateTimeOffset Monday = DateTimeOffset.Parse("2025-05-05T00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_planning_run_reads_only_the_subscribers_due()
    {
        var world = new DigestWorld(Monday);
        for (var i = 0; i < 30; i++)
            await world.SubscribeAsync($"evening{i}@example.org", "0 19 * * *", "UTC");
        var morning = await world.SubscribeAsync("morning@example.org", "0 7 * * *", "UTC");
        var reads = new CountingDueIndex(world.Due);
        var planner = new PlanDigestsHandler(reads, world.Subscribers, world.Queue, OptionsFactory.Create(world.Options), world.Telemetry, NullLogger<PlanDigestsHandler>.Instance);

        world.Clock.Advance(TimeSpan.FromHours(7));
        (await planner.PlanDueAsync(world.Now, CancellationToken.None)).ShouldBe(1);

        reads.EntriesRead.ShouldBe(1);
        world.Queue.TryTake(out var message).ShouldBeTrue();
        ((DigestBatchMessage)message).Requests.ShouldBe([new DigestRequest(morning.Id, Monday.AddHours(7))]);
    }

    [Fact]
    public async Task After_a_digest_the_subscriber_waits_at_their_next_occurrence()
    {
        var world = new DigestWorld(Monday);
        var subscriber = await world.SubscribeAsync("daily@example.org", "0 7 * * *", "Europe/Paris");
        world.Due.Entries.ShouldHaveSingleItem().Due.ShouldBe(Monday.AddHours(5));

        await world.PublishAsync("news", "health");
        await world.RunAsync(TimeSpan.FromHours(6));

        world.Mail.Sent.ShouldHaveSingleItem();
        world.Due.Entries.ShouldHaveSingleItem().ShouldBe(new DueEntry(subscriber.Id, Monday.AddDays(1).AddHours(5), "0 7 * * *", "Europe/Paris"));
    }

    [Fact]
    public async Task A_batch_moves_on_together_so_the_next_run_reads_one_bundle_per_batch()
    {
        var world = new DigestWorld(Monday, options => options.BatchSize = 20);
        for (var i = 0; i < 50; i++)
            await world.SubscribeAsync($"batch{i}@example.org", "0 7 * * *", "UTC");
        await world.PublishAsync("news", "health");
        // Each sign-up placed its own entry.
        world.Due.Bundles.Count.ShouldBe(50);

        await world.RunAsync(TimeSpan.FromHours(8));

        world.Mail.Sent.Count.ShouldBe(50);
        // Three messages of 20, 20 and 10 subscribers; each one's handler placed its subscribers together.
        world.Due.Bundles.Select(b => b.Entries.Count).Order().ShouldBe([10, 20, 20]);
        world.Due.Entries.ShouldAllBe(e => e.Due == Monday.AddDays(1).AddHours(7));
    }

    [Fact]
    public async Task A_subscriber_in_two_bundles_is_planned_once_and_then_held_once()
    {
        var world = new DigestWorld(Monday, options => options.BatchSize = 2);
        var twice = await world.SubscribeAsync("twice@example.org", "0 7 * * *", "UTC");
        await world.SubscribeAsync("once@example.org", "0 7 * * *", "UTC");
        await world.PublishAsync("monday", "health");
        await world.RunAsync(TimeSpan.FromHours(8));
        // Away to 08:00 and back: a row of their own at Tuesday 07:00 beside the one their batch's handler placed.
        await world.Subscribers.ChangeSettingsAsync(twice.Id, s => s with { Schedule = "0 8 * * *" }, CancellationToken.None);
        await world.Subscribers.ChangeSettingsAsync(twice.Id, s => s with { Schedule = "0 7 * * *" }, CancellationToken.None);
        world.Due.Entries.Count(e => e.SubscriberId == twice.Id && e.Due == Monday.AddDays(1).AddHours(7)).ShouldBe(2);
        await world.PublishAsync("tuesday", "health");
        world.Clock.Advance(TimeSpan.FromHours(23));

        await world.Planner.PlanDueAsync(world.Now, CancellationToken.None);
        var messages = new List<object>();
        while (world.Queue.TryTake(out var message))
            messages.Add(message);
        messages.ForEach(world.Queue.Return);
        var requests = messages.SelectMany(m => ((DigestBatchMessage)m).Requests).ToList();
        await world.DeliverQueuedAsync();

        requests.Count(r => r.SubscriberId == twice.Id).ShouldBe(1);
        world.Due.Entries.Where(e => e.SubscriberId == twice.Id && e.Due.Hour == 7).Select(e => e.Due).ShouldBe([Monday.AddDays(2).AddHours(7)]);
    }

    [Fact]
    public async Task The_repair_pass_gathers_sign_ups_into_full_bundles_before_they_fall_due()
    {
        var world = new DigestWorld(Monday);
        for (var i = 0; i < 250; i++)
            await world.SubscribeAsync($"signup{i}@example.org", "0 7 * * *", "UTC");
        var repair = new DueIndexRepair(world.Subscribers, world.Due, world.Telemetry, NullLogger<DueIndexRepair>.Instance);
        world.Due.Bundles.Count.ShouldBe(250);

        (await repair.RepairAsync(world.Now, CancellationToken.None)).ShouldBe(0);

        world.Due.Bundles.Select(b => b.Entries.Count).Order().ShouldBe([50, 100, 100]);
        world.Clock.Advance(TimeSpan.FromHours(7));
        (await world.Planner.PlanDueAsync(world.Now, CancellationToken.None)).ShouldBe(250);
    }

    [Fact]
    public async Task The_repair_pass_leaves_the_minutes_the_planner_may_be_reading()
    {
        var world = new DigestWorld(Monday.AddHours(6).AddMinutes(55));
        await world.SubscribeAsync("first@example.org", "0 7 * * *", "UTC");
        await world.SubscribeAsync("second@example.org", "0 7 * * *", "UTC");
        var repair = new DueIndexRepair(world.Subscribers, world.Due, world.Telemetry, NullLogger<DueIndexRepair>.Instance);

        await repair.RepairAsync(world.Now, CancellationToken.None);

        world.Due.Bundles.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_schedule_change_moves_the_entry_and_the_old_time_sends_nothing()
    {
        var world = new DigestWorld(Monday);
        var subscriber = await world.SubscribeAsync("mover@example.org", "0 7 * * *", "UTC");
        await world.PublishAsync("news", "health");

        await world.Subscribers.ChangeSettingsAsync(subscriber.Id, s => s with { Schedule = "0 18 * * *", TimeZone = "America/New_York" }, CancellationToken.None);
        await world.RunAsync(TimeSpan.FromHours(23));

        // 07:00 UTC came due from the entry left at the old schedule, and sent nothing; 18:00 in New York (22:00 UTC) sent the digest.
        world.Planned.Select(r => r.Period).ShouldBe([Monday.AddHours(7), Monday.AddHours(22)]);
        world.Mail.Sent.ShouldHaveSingleItem().Date.ShouldBe(Monday.AddHours(22));
        world.Due.Entries.ShouldHaveSingleItem().Due.ShouldBe(Monday.AddDays(1).AddHours(22));
    }

    [Fact]
    public async Task The_entry_keeps_the_local_time_across_the_clock_change()
    {
        // Saturday 29 March 2025; Paris moves to summer time on Sunday at 02:00.
        var saturday = DateTimeOffset.Parse("2025-03-29T00:00Z", CultureInfo.InvariantCulture);
        var world = new DigestWorld(saturday);
        await world.SubscribeAsync("paris@example.org", "0 7 * * *", "Europe/Paris");
        var dues = new List<DateTimeOffset> { world.Due.Entries.ShouldHaveSingleItem().Due };
        for (var day = 0; day < 3; day++)
        {
            await world.PublishAsync($"day{day}", "health");
            await world.RunAsync(TimeSpan.FromDays(1));
            dues.Add(world.Due.Entries.ShouldHaveSingleItem().Due);
        }

        // 07:00 in Paris: 06:00 UTC in winter, 05:00 UTC from Sunday.
        dues.ShouldBe([saturday.AddHours(6), saturday.AddDays(1).AddHours(5), saturday.AddDays(2).AddHours(5), saturday.AddDays(3).AddHours(5)]);
        world.Mail.Sent.Count.ShouldBe(3);
    }

    [Fact]
    public async Task After_downtime_one_digest_for_the_latest_occurrence_and_the_entry_moves_past_now()
    {
        var world = new DigestWorld(Monday);
        await world.SubscribeAsync("away@example.org", "0 7 * * *", "UTC");
        await world.PublishAsync("news", "health");

        world.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(8)); // Thursday 08:00, nothing planned since Monday 00:00
        await world.PlanAndDeliverAsync();

        world.Planned.ShouldHaveSingleItem().Period.ShouldBe(Monday.AddDays(3).AddHours(7));
        world.Mail.Sent.ShouldHaveSingleItem();
        world.Due.Entries.ShouldHaveSingleItem().Due.ShouldBe(Monday.AddDays(4).AddHours(7));
    }

    [Fact]
    public async Task A_digest_that_fails_leaves_the_subscriber_in_the_index()
    {
        var world = new DigestWorld(Monday);
        await world.SubscribeAsync("unlucky@example.org", "0 7 * * *", "UTC");
        await world.PublishAsync("news", "health");
        world.Mail.Failure = new IOException("the mail server is down");

        world.Clock.Advance(TimeSpan.FromHours(7));
        await Should.ThrowAsync<AggregateException>(world.PlanAndDeliverAsync);

        world.Mail.Sent.ShouldBeEmpty();
        world.Due.Entries.ShouldHaveSingleItem().Due.ShouldBe(Monday.AddDays(1).AddHours(7));
    }

    [Fact]
    public async Task A_subscriber_lost_from_the_index_is_placed_back_by_the_repair_pass()
    {
        var world = new DigestWorld(Monday);
        var lost = await world.SubscribeAsync("lost@example.org", "0 7 * * *", "UTC");
        await world.SubscribeAsync("kept@example.org", "0 7 * * *", "UTC");
        world.Due.Forget(lost.Id);
        var repair = new DueIndexRepair(world.Subscribers, world.Due, world.Telemetry, NullLogger<DueIndexRepair>.Instance);

        (await repair.RepairAsync(world.Now, CancellationToken.None)).ShouldBe(1);
        (await repair.RepairAsync(world.Now, CancellationToken.None)).ShouldBe(0);

        world.Due.Entries.Select(e => (e.SubscriberId, e.Due)).Order().ShouldBe(
            new[] { (lost.Id, Monday.AddHours(7)), (Subscriber.IdFor("kept@example.org"), Monday.AddHours(7)) }.Order());
    }

    [Fact]
    public async Task Unsubscribed_subscribers_leave_the_index_when_their_time_comes()
    {
        var world = new DigestWorld(Monday);
        var leaving = await world.SubscribeAsync("leaving@example.org", "0 7 * * *", "UTC");
        await world.Subscribers.ChangeSettingsAsync(leaving.Id, s => s with { State = SubscriberState.Unsubscribed }, CancellationToken.None);
        await world.PublishAsync("news", "health");

        await world.RunAsync(TimeSpan.FromHours(8));

        world.Mail.Sent.ShouldBeEmpty();
        world.Due.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_planners_racing_plan_each_subscriber_once()
    {
        var world = new DigestWorld(Monday, options => options.BatchSize = 10);
        for (var i = 0; i < 45; i++)
            await world.SubscribeAsync($"race{i}@example.org", "0 7 * * *", "UTC");
        world.Clock.Advance(TimeSpan.FromHours(7));
        var options = OptionsFactory.Create(world.Options);
        var second = new PlanDigestsHandler(world.Due, world.Subscribers, world.Queue, options, world.Telemetry, NullLogger<PlanDigestsHandler>.Instance);
        // The first planner has read every entry and queued its first batch when the second runs whole, then it goes on.
        var interrupting = new InterruptingPublisher(world.Queue, () => second.PlanDueAsync(world.Now, CancellationToken.None));
        var first = new PlanDigestsHandler(world.Due, world.Subscribers, interrupting, options, world.Telemetry, NullLogger<PlanDigestsHandler>.Instance);

        var planned = await first.PlanDueAsync(world.Now, CancellationToken.None);

        (planned + interrupting.InterruptionPlanned).ShouldBe(45);
        interrupting.InterruptionPlanned.ShouldBeGreaterThan(0);
        var requests = new List<DigestRequest>();
        while (world.Queue.TryTake(out var message))
            requests.AddRange(((DigestBatchMessage)message).Requests);
        requests.Select(r => r.SubscriberId).ShouldBeUnique();
        requests.Count.ShouldBe(45);
        world.Due.Entries.ShouldBeEmpty();
    }

    /// <summary>Counts the entries a planner reads from the index.</summary>
    private sealed class CountingDueIndex(IDueIndex inner) : IDueIndex
    {
        public int EntriesRead { get; private set; }

        public Task PlaceAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken) => inner.PlaceAsync(entries, cancellationToken);

        public async IAsyncEnumerable<DueBundle> ReadDueAsync(DateTimeOffset now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var bundle in inner.ReadDueAsync(now, cancellationToken))
            {
                EntriesRead += bundle.Entries.Count;
                yield return bundle;
            }
        }

        public Task<IReadOnlyList<DueBundle>> ClaimAsync(IReadOnlyList<DueBundle> bundles, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.ClaimAsync(bundles, now, cancellationToken);

        public Task RemoveAsync(IReadOnlyCollection<DueBundle> bundles, CancellationToken cancellationToken) => inner.RemoveAsync(bundles, cancellationToken);

        public Task<int> CompactAsync(DateTimeOffset after, CancellationToken cancellationToken) => inner.CompactAsync(after, cancellationToken);

        public IAsyncEnumerable<DueEntry> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);
    }

    /// <summary>Queues to the world's queue; on the first message, first lets <paramref name="interruption"/> run whole.</summary>
    private sealed class InterruptingPublisher(RecordingPublisher queue, Func<Task<int>> interruption) : IMessagePublisher
    {
        private bool _interrupted;

        public int InterruptionPlanned { get; private set; }

        public async Task PublishAsync<TMessage>(TMessage message, TimeSpan delay, CancellationToken cancellationToken) where TMessage : notnull
        {
            if (!_interrupted)
            {
                _interrupted = true;
                InterruptionPlanned = await interruption();
            }

            await queue.PublishAsync(message, delay, cancellationToken);
        }
    }
}
