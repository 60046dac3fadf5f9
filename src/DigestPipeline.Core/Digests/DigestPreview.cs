using DigestPipeline.Core.Email;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// The digest a subscriber would get if it were sent now (as <c>digest send --now</c> would send it), for an operator to
/// look at: the delivery a claim would make (<see cref="Delivery.Claim"/>, so the window starts where their last
/// delivered digest ended, or <see cref="DigestOptions.FirstDigestLookback"/> before they subscribed), its content
/// collected and enriched and its email composed by <see cref="DigestWriter"/>, the sending path's own code. Nothing is
/// written: no claim in the ledger, no archived copy, no mail; the ledger is only read.
/// </summary>
public sealed class DigestPreview(IDeliveryLedger ledger, DigestWriter writer, IOptions<DigestOptions> options, TimeProvider time)
{
    public async Task<PreviewedDigest> ComposeAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var now = time.GetUtcNow();
        var progress = await ledger.GetProgressAsync(subscriber.Id, cancellationToken);
        var delivery = Delivery.Claim(subscriber, progress, PlanDigestsHandler.PeriodAt(now), now, options.Value);
        var content = (await writer.CollectAsync([(subscriber, delivery)], cancellationToken))[0];
        return new PreviewedDigest(delivery, content.ItemCount, content.ItemCount >= options.Value.MinimumItems,
            content.ItemCount == 0 ? null : writer.Compose(content, delivery));
    }
}

/// <summary>A digest composed for a look, never sent.</summary>
/// <param name="Delivery">The delivery a send now would claim: its id, period and content window.</param>
/// <param name="WouldBeSent">False when it has fewer items than <see cref="DigestOptions.MinimumItems"/>: a send would skip it.</param>
/// <param name="Email">The email as it would be sent; null when the window holds nothing new.</param>
public sealed record PreviewedDigest(Delivery Delivery, int ItemCount, bool WouldBeSent, EmailMessage? Email);
