using System.Globalization;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

/// <summary>The ledger's rules, as <see cref="Delivery"/> and <see cref="DeliveryProgress"/> state them: plain values in, a decision out.</summary>
public sealed class A_delivery_decides_by_its_own_rules
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-05-05T07:00Z", CultureInfo.InvariantCulture);
    private static readonly DigestOptions Options = new() { ClaimTimeout = TimeSpan.FromMinutes(10), FromAddress = "digest@news.example.org" };
    private static readonly Subscriber Reader = new("s1", "reader@example.org", "", ["health"], "en", "0 7 * * *", "UTC", SubscriberState.Active, Now.AddDays(-30));

    [Fact]
    public void A_first_digest_looks_back_from_the_sign_up_and_a_later_one_starts_where_the_last_delivered_ended()
    {
        var first = Delivery.Claim(Reader, new DeliveryProgress(Reader.Id), Now, Now, Options);
        first.ContentAfter.ShouldBe(Reader.CreatedAt - Options.FirstDigestLookback);
        first.ContentUpTo.ShouldBe(Now - Options.IndexSettleTime);
        first.MessageId.ShouldBe("digest-s1-20250505T0700Z@news.example.org");

        var next = Delivery.Claim(Reader, new DeliveryProgress(Reader.Id, DeliveredUpTo: Now.AddDays(-1)), Now, Now, Options);
        next.ContentAfter.ShouldBe(Now.AddDays(-1));
    }

    [Theory]
    [InlineData(DeliveryState.Sent)]
    [InlineData(DeliveryState.SkippedEmpty)]
    [InlineData(DeliveryState.FailedPermanently)]
    public void A_delivery_found_finished_is_left_alone(DeliveryState state) =>
        (Claimed(Now.AddMinutes(-1)) with { State = state }).Verdict(Now, Options.ClaimTimeout).ShouldBe(ClaimVerdict.Done);

    [Fact]
    public void Another_workers_claim_is_waited_for_until_its_timeout_then_taken_over()
    {
        var claim = Claimed(Now.AddMinutes(-3));

        claim.Verdict(Now, Options.ClaimTimeout).ShouldBe(ClaimVerdict.WaitUntil(Now.AddMinutes(7)));
        claim.Verdict(Now.AddMinutes(7), Options.ClaimTimeout).ShouldBe(ClaimVerdict.TakeOver);
        claim.TakenOver(Now.AddMinutes(7)).ShouldBe(claim with { ClaimedAt = Now.AddMinutes(7) });
    }

    [Fact]
    public void A_released_claim_and_one_this_process_abandoned_are_taken_over_at_once()
    {
        var claim = Claimed(Now.AddMinutes(-1));

        claim.Released(Now).Verdict(Now, Options.ClaimTimeout).ShouldBe(ClaimVerdict.TakeOver);
        claim.Verdict(Now, Options.ClaimTimeout, abandonedHereAt: claim.ClaimedAt).ShouldBe(ClaimVerdict.TakeOver);
        claim.Verdict(Now, Options.ClaimTimeout, abandonedHereAt: claim.ClaimedAt.AddSeconds(-30)).Kind.ShouldBe(ClaimVerdictKind.Wait, "another claim than the one abandoned here");
    }

    [Fact]
    public void Sent_moves_the_mark_to_the_end_of_its_window_and_clears_the_bounces()
    {
        var claim = Claimed(Now);

        var outcome = claim.Sent(itemCount: 4, Now.AddSeconds(5));

        outcome.Delivery.State.ShouldBe(DeliveryState.Sent);
        outcome.Delivery.ItemCount.ShouldBe(4);
        outcome.Progress(new DeliveryProgress(Reader.Id, Now.AddDays(-1), BounceCount: 2)).ShouldBe(new DeliveryProgress(Reader.Id, claim.ContentUpTo, 0));
    }

    [Fact]
    public void The_mark_never_moves_backwards()
    {
        var later = new DeliveryProgress(Reader.Id, Now.AddDays(1));

        Claimed(Now).Sent(3, Now).Progress(later).DeliveredUpTo.ShouldBe(Now.AddDays(1));
    }

    [Fact]
    public void Items_below_the_minimum_wait_for_the_next_digest_and_an_empty_window_is_passed()
    {
        var claim = Claimed(Now);
        var before = new DeliveryProgress(Reader.Id, Now.AddDays(-1));

        claim.Skipped(itemCount: 1, Now).Progress(before).ShouldBe(before);
        claim.Skipped(itemCount: 0, Now).Progress(before).DeliveredUpTo.ShouldBe(claim.ContentUpTo);
        claim.Skipped(itemCount: 0, Now).Delivery.State.ShouldBe(DeliveryState.SkippedEmpty);
    }

    [Fact]
    public void A_window_a_later_digest_delivered_is_covered_and_skipping_it_changes_no_mark()
    {
        var claim = Claimed(Now);
        var afterLater = new DeliveryProgress(Reader.Id, claim.ContentUpTo.AddMinutes(5));

        claim.IsCoveredBy(afterLater).ShouldBeTrue();
        claim.IsCoveredBy(new DeliveryProgress(Reader.Id, claim.ContentAfter)).ShouldBeFalse();
        claim.SkippedAsCovered(Now).Progress(afterLater).ShouldBe(afterLater);
    }

    [Fact]
    public void Bounces_count_until_the_limit_stops_the_digests()
    {
        var progress = new DeliveryProgress(Reader.Id);
        for (var bounce = 1; bounce <= 3; bounce++)
        {
            var outcome = Claimed(Now.AddDays(bounce)).Bounced(Now.AddDays(bounce));
            outcome.Delivery.State.ShouldBe(DeliveryState.FailedPermanently);
            progress = outcome.Progress(progress);
            progress.HasBouncedTooOften(bounceLimit: 3).ShouldBe(bounce == 3);
        }
    }

    [Fact]
    public void Only_a_live_claim_of_an_earlier_period_holds_a_digest_back()
    {
        var live = Claimed(Now.AddMinutes(-2)) with { Period = Now.AddDays(-1) };
        var crashed = Claimed(Now.AddHours(-1)) with { Period = Now.AddDays(-2) };

        Delivery.HeldBackBy([crashed, live], Now, Options.ClaimTimeout).ShouldBe(live);
        Delivery.HeldBackBy([crashed], Now, Options.ClaimTimeout).ShouldBeNull();
        Delivery.HeldBackBy([live.Released(Now)], Now, Options.ClaimTimeout).ShouldBeNull();
    }

    private static Delivery Claimed(DateTimeOffset claimedAt) =>
        Delivery.Claim(Reader, new DeliveryProgress(Reader.Id, Now.AddDays(-1)), Now, claimedAt, Options);
}
