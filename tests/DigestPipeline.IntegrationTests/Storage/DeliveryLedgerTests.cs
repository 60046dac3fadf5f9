using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Storage;

public sealed class DeliveryLedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Period = new(2025, 3, 10, 7, 0, 0, TimeSpan.Zero);
    private ServiceProvider? _services;

    private IDeliveryLedger Ledger => _services!.GetRequiredService<IDeliveryLedger>();

    public async ValueTask InitializeAsync()
    {
        _services = azurite.BuildServices();
        await _services.GetRequiredService<StorageInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _services!.DisposeAsync();

    private static Delivery NewDelivery(string subscriberId, DateTimeOffset claimedAt, string messageId = "m1@digestpipeline") =>
        new(subscriberId, Period, DeliveryState.Claimed, claimedAt, Period.AddDays(-1), Period, messageId);

    [Fact]
    public async Task Claim_is_create_only_so_a_second_claim_returns_the_existing_row_unclaimed()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await Ledger.ClaimAsync(NewDelivery("sub-a", Period), ct);
        var second = await Ledger.ClaimAsync(NewDelivery("sub-a", Period.AddMinutes(3), "m2@digestpipeline"), ct);

        first.Claimed.ShouldBeTrue();
        first.Delivery.ETag.ShouldNotBeNullOrEmpty();
        second.Claimed.ShouldBeFalse();
        second.Delivery.MessageId.ShouldBe("m1@digestpipeline");
        second.Delivery.ClaimedAt.ShouldBe(Period);
        second.Delivery.State.ShouldBe(DeliveryState.Claimed);
        second.Delivery.Id.ShouldBe(first.Delivery.Id);
    }

    [Fact]
    public async Task Claimed_deliveries_before_a_period_are_listed_for_that_subscriber_only()
    {
        var ct = TestContext.Current.CancellationToken;
        Delivery At(string subscriberId, int day) => NewDelivery(subscriberId, Period) with { Period = Period.AddDays(day), MessageId = $"{subscriberId}-{day}" };
        var sent = (await Ledger.ClaimAsync(At("sub-p", -3), ct)).Delivery;
        await Ledger.CompleteAsync(sent.Sent(itemCount: 1, Period), lastRead: null, ct);
        await Ledger.ClaimAsync(At("sub-p", -2), ct);
        await Ledger.ClaimAsync(At("sub-p", -1), ct);
        await Ledger.ClaimAsync(At("sub-p", 0), ct);
        await Ledger.ClaimAsync(At("sub-q", -1), ct);

        var history = await Ledger.ReadAsync("sub-p", Period, ct);

        history.ClaimedBefore.Select(d => d.MessageId).Order().ShouldBe(["sub-p--1", "sub-p--2"]);
        history.ClaimedBefore.ShouldAllBe(d => d.ETag != null && d.State == DeliveryState.Claimed);
        history.Progress.DeliveredUpTo.ShouldBe(sent.ContentUpTo, "the progress row comes with them, in the same query");
    }

    [Fact]
    public async Task Only_one_of_two_workers_takes_over_a_stale_claim()
    {
        var ct = TestContext.Current.CancellationToken;
        await Ledger.ClaimAsync(NewDelivery("sub-b", Period), ct);
        var stale = (await Ledger.ClaimAsync(NewDelivery("sub-b", Period), ct)).Delivery;

        var firstTakeOver = await Ledger.TakeOverAsync(stale, Period.AddMinutes(20), ct);
        var secondTakeOver = await Ledger.TakeOverAsync(stale, Period.AddMinutes(21), ct);

        firstTakeOver.ShouldBeTrue();
        secondTakeOver.ShouldBeFalse();
        var row = (await Ledger.ClaimAsync(NewDelivery("sub-b", Period), ct)).Delivery;
        row.ClaimedAt.ShouldBe(Period.AddMinutes(20));
        row.MessageId.ShouldBe(stale.MessageId);
    }

    [Fact]
    public async Task Completed_delivery_is_sent_and_listed_among_the_recent_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        var claim = await Ledger.ClaimAsync(NewDelivery("sub-c", Period.AddHours(1)), ct);

        await Ledger.CompleteAsync(claim.Delivery.Sent(itemCount: 4, Period.AddHours(2)), lastRead: null, ct);

        var again = await Ledger.ClaimAsync(NewDelivery("sub-c", Period), ct);
        again.Claimed.ShouldBeFalse();
        again.Delivery.State.ShouldBe(DeliveryState.Sent);
        again.Delivery.CompletedAt.ShouldBe(Period.AddHours(2));
        again.Delivery.ItemCount.ShouldBe(4);

        var recent = new List<Delivery>();
        await foreach (var delivery in Ledger.ListRecentAsync(1, ct))
            recent.Add(delivery);
        recent.ShouldHaveSingleItem().SubscriberId.ShouldBe("sub-c");
    }

    [Fact]
    public async Task A_sent_delivery_moves_the_subscribers_mark_and_clears_the_bounces_with_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var bounced = (await Ledger.ClaimAsync(NewDelivery("sub-d", Period) with { Period = Period.AddDays(-1) }, ct)).Delivery;
        (await Ledger.CompleteAsync(bounced.Bounced(Period), lastRead: null, ct)).BounceCount.ShouldBe(1);
        var claim = (await Ledger.ClaimAsync(NewDelivery("sub-d", Period), ct)).Delivery;

        var stored = await Ledger.CompleteAsync(claim.Sent(itemCount: 3, Period.AddMinutes(1)), lastRead: null, ct);

        stored.ShouldBe(await Ledger.GetProgressAsync("sub-d", ct));
        (stored with { ETag = null }).ShouldBe(new DeliveryProgress("sub-d", claim.ContentUpTo, BounceCount: 0));
        (await Ledger.ClaimAsync(claim, ct)).Delivery.State.ShouldBe(DeliveryState.Sent);
    }

    [Fact]
    public async Task Concurrent_completions_for_one_subscriber_keep_every_bounce_and_the_latest_mark()
    {
        var ct = TestContext.Current.CancellationToken;
        var claims = new List<Delivery>();
        for (var day = 0; day < 8; day++)
            claims.Add((await Ledger.ClaimAsync(NewDelivery("sub-e", Period) with { Period = Period.AddDays(day), ContentUpTo = Period.AddDays(day) }, ct)).Delivery);

        // Four bounces and four empty skips at once: each transaction that loses the race reads the progress again.
        await Task.WhenAll(claims.Select((claim, i) => Ledger.CompleteAsync(i % 2 == 0 ? claim.Bounced(Period) : claim.Skipped(itemCount: 0, Period), lastRead: null, ct)));

        var progress = await Ledger.GetProgressAsync("sub-e", ct);
        progress.BounceCount.ShouldBe(4);
        progress.DeliveredUpTo.ShouldBe(Period.AddDays(7));
    }

    [Fact]
    public async Task A_subscriber_stored_before_the_progress_moved_keeps_what_it_had_received()
    {
        var ct = TestContext.Current.CancellationToken;
        var tables = _services!.GetRequiredService<global::Azure.Data.Tables.TableServiceClient>();
        // A Subscribers row as written before the delivery marks moved to the Deliveries table.
        await tables.GetTableClient(StorageNames.SubscribersTable).UpsertEntityAsync(new global::Azure.Data.Tables.TableEntity(TableKey.Encode("sub-old"), "subscriber")
        {
            ["Id"] = "sub-old", ["LastDigestUpTo"] = Period.AddDays(-2), ["BounceCount"] = 2,
        }, cancellationToken: ct);

        (await Ledger.GetProgressAsync("sub-old", ct)).ShouldBe(new DeliveryProgress("sub-old", Period.AddDays(-2), 2));
        var claim = (await Ledger.ClaimAsync(NewDelivery("sub-old", Period) with { ContentUpTo = Period.AddDays(-1) }, ct)).Delivery;
        await Ledger.CompleteAsync(claim.Skipped(itemCount: 1, Period), lastRead: null, ct);

        (await Ledger.GetProgressAsync("sub-old", ct) with { ETag = null }).ShouldBe(new DeliveryProgress("sub-old", Period.AddDays(-2), 2), "carried over unchanged");
        (await Ledger.CompleteAsync(claim.Bounced(Period), lastRead: null, ct)).BounceCount.ShouldBe(3);
    }

    [Fact]
    public async Task Progress_read_at_the_claim_that_went_stale_is_read_again_and_the_change_applied_to_what_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var early = (await Ledger.ClaimAsync(NewDelivery("sub-f", Period) with { Period = Period.AddDays(-1) }, ct)).Delivery;
        await Ledger.CompleteAsync(early.Skipped(itemCount: 0, Period), lastRead: null, ct);
        var claim = (await Ledger.ClaimAsync(NewDelivery("sub-f", Period), ct)).Delivery;
        var readAtClaim = (await Ledger.ReadAsync("sub-f", Period, ct)).Progress;
        readAtClaim.DeliveredUpTo.ShouldBe(Period);

        // Meanwhile a later period of the same subscriber was sent, moving the mark on.
        var later = (await Ledger.ClaimAsync(NewDelivery("sub-f", Period) with { Period = Period.AddDays(1), ContentUpTo = Period.AddDays(1) }, ct)).Delivery;
        await Ledger.CompleteAsync(later.Sent(itemCount: 2, Period.AddDays(1)), lastRead: readAtClaim, ct);

        var stored = await Ledger.CompleteAsync(claim.Bounced(Period.AddDays(1)), lastRead: readAtClaim, ct);

        // Written from the stale read, the mark would have gone back a day; the transaction's condition refused it.
        (stored with { ETag = null }).ShouldBe(new DeliveryProgress("sub-f", Period.AddDays(1), BounceCount: 1));
        (await Ledger.GetProgressAsync("sub-f", ct)).ShouldBe(stored);
    }
}
