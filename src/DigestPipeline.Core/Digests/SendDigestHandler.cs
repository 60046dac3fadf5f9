using System.Diagnostics;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// Queue <c>digest</c>: composes and sends each requested digest once per subscriber and period.
/// The ledger rule: claim (create-only) → archive → send → mark sent. A claim already marked sent or skipped is
/// done; a claim released after a failed send is taken over at once; a claim still pending is left to its owner
/// until <see cref="DigestOptions.ClaimTimeout"/>, then taken over and sent again with the same Message-ID: a crash
/// between the SMTP server's acceptance and "mark sent" is the one case that can deliver twice.
/// A request whose claim is still pending goes back to the queue in a new message, invisible for a few seconds, until
/// the claim is done or times out: waiting on a crashed worker's claim never uses up the message's attempts.
/// When the mail relay's shared quota is taken for longer than <c>Mail:Smtp:QuotaMaxWait</c>, the claim is released
/// and the rest of the batch goes back to the queue, invisible until the quota has room: a backlog waits in the
/// queue, not in running handlers, and never counts as a failed attempt.
/// A permanent rejection of the recipient (<see cref="RecipientRejectedException"/>) is not retried: the delivery
/// is marked failed permanently and counts a bounce; at <see cref="DigestOptions.BounceLimit"/> bounces the
/// subscriber is marked bouncing, and a delivered digest resets the count.
/// </summary>
public sealed class SendDigestHandler(
    ISubscriberStore subscribers,
    IDeliveryLedger ledger,
    DigestContentCollector collector,
    DigestComposer composer,
    IDigestArchive archive,
    IMailSender mail,
    IMessagePublisher publisher,
    IOptions<DigestOptions> options,
    TimeProvider time,
    PipelineTelemetry telemetry,
    ILogger<SendDigestHandler> logger) : IMessageHandler<DigestBatchMessage>
{
    private static readonly TimeSpan MinimumClaimRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a request waiting on another worker's claim looks again: a live worker finishes in seconds, and
    /// only a crashed one makes it wait for <see cref="DigestOptions.ClaimTimeout"/>.
    /// </summary>
    private static readonly TimeSpan ClaimRetryInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Claims this process gave up but could not release (storage was down): delivery id → the claim's time. Its
    /// retry here takes the claim over at once instead of waiting <see cref="DigestOptions.ClaimTimeout"/> as if
    /// another worker still held it; another process cannot know, and waits.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _abandonedClaims = new(StringComparer.Ordinal);

    public async Task HandleAsync(DigestBatchMessage message, CancellationToken cancellationToken)
    {

        // Every subscriber of the batch gets its chance before a failure makes the whole batch retried;
        // on the retry the ledger skips those already sent.
        var failures = new List<Exception>();
        var inProgress = new List<(DigestRequest Request, DateTimeOffset RetryAt)>();
        var deferred = new List<DigestRequest>();
        DateTimeOffset? quotaFreeAt = null;
        foreach (var request in message.Requests)
        {
            if (quotaFreeAt is not null)
            {
                // The relay's quota is taken: the rest of the batch waits for it in the queue, not here.
                deferred.Add(request);
                continue;
            }

            try
            {
                await DeliverAsync(request, cancellationToken);
            }
            catch (DeliveryInProgressException claimed)
            {
                inProgress.Add((request, claimed.RetryAt));
            }
            catch (RelayQuotaDeferredException quota)
            {
                quotaFreeAt = quota.RetryAt;
                deferred.Add(request);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(e);
            }
        }

        if (failures.Count > 0)
            throw new AggregateException($"{failures.Count} of {message.Requests.Count} digests failed", failures);
        if (inProgress.Count > 0)
        {
            var delay = inProgress.Min(r => r.RetryAt) - time.GetUtcNow();
            delay = TimeSpan.FromTicks(Math.Clamp(delay.Ticks, MinimumClaimRetryDelay.Ticks, ClaimRetryInterval.Ticks));
            await RequeueAsync(inProgress.Select(r => r.Request).ToList(), delay, "are claimed by another worker", cancellationToken);
        }

        if (quotaFreeAt is { } freeAt)
        {
            var delay = freeAt - time.GetUtcNow();
            await RequeueAsync(deferred, delay > MinimumClaimRetryDelay ? delay : MinimumClaimRetryDelay, "wait for the mail relay's quota (Mail:Smtp:QuotaPerMinute)", cancellationToken);
        }
    }

    /// <summary>Sent before this message completes: a crash in between repeats the retry, which the ledger absorbs.</summary>
    private async Task RequeueAsync(List<DigestRequest> requests, TimeSpan delay, string why, CancellationToken cancellationToken)
    {
        var retry = new DigestBatchMessage(DigestBatchMessage.CurrentVersion, requests, Activity.Current?.Id);
        await publisher.PublishAsync(retry, delay, cancellationToken);
        logger.LogInformation("{Count} digests {Why}; sending them again in {Delay}", requests.Count, why, delay);
    }

    public async Task<DeliveryState> DeliverAsync(DigestRequest request, CancellationToken cancellationToken)
    {
        using var activity = telemetry.ActivitySource.StartActivity("deliver digest");
        using var scope = PipelineTelemetry.TagSubscriber(logger, request.SubscriberId);
        var subscriber = await subscribers.GetAsync(request.SubscriberId, cancellationToken);
        if (subscriber is not { State: SubscriberState.Active })
        {
            logger.LogInformation("Subscriber {SubscriberId} is {State}; no digest", request.SubscriberId, subscriber?.State.ToString() ?? "gone");
            telemetry.DigestSkipped("subscriber-not-active");
            return DeliveryState.SkippedEmpty;
        }

        await WaitForEarlierDigestAsync(subscriber.Id, request.Period, cancellationToken);
        var delivery = await ClaimAsync(subscriber, request.Period, cancellationToken);
        using var deliveryScope = PipelineTelemetry.TagDelivery(logger, delivery.Id);
        if (delivery.State != DeliveryState.Claimed)
            return delivery.State;

        DigestContent content;
        EmailMessage email;
        try
        {
            if (subscriber.LastDigestUpTo >= delivery.ContentUpTo)
            {
                // A later period's digest went first (this one failed and was retried after it) and covered this window.
                await ledger.CompleteAsync(delivery, DeliveryState.SkippedEmpty, time.GetUtcNow(), cancellationToken);
                logger.LogInformation("Digest {DeliveryId} skipped: a later digest already delivered its content", delivery.Id);
                telemetry.DigestSkipped("covered-by-later-digest");
                return DeliveryState.SkippedEmpty;
            }

            content = await collector.CollectAsync(subscriber, request.Period, delivery.ContentAfter, delivery.ContentUpTo, cancellationToken);
            if (content.ItemCount < options.Value.MinimumItems)
            {
                await ledger.CompleteAsync(delivery, DeliveryState.SkippedEmpty, time.GetUtcNow(), cancellationToken);
                // Items below the minimum wait for the next digest: the mark moves only past a window with nothing in it.
                if (content.ItemCount == 0)
                    await subscribers.MarkDeliveredAsync(subscriber.Id, delivery.ContentUpTo, cancellationToken);
                logger.LogInformation("{Items} new items for subscriber {SubscriberId} in period {Period:u}; digest skipped", content.ItemCount, subscriber.Id, request.Period);
                telemetry.DigestSkipped("too-few-items");
                return DeliveryState.SkippedEmpty;
            }

            var composed = composer.Compose(content, delivery.Id);
            email = DigestMail.For(composed, subscriber, delivery, options.Value);

            await archive.SaveAsync(delivery.Id, composed.Html, cancellationToken);
        }
        catch
        {
            // Nothing was sent: the claim goes back, so that the retry does not wait for it to time out.
            await ReleaseAsync(delivery);
            throw;
        }

        try
        {
            await mail.SendAsync(email, cancellationToken);
        }
        catch (RecipientRejectedException rejected)
        {
            return await RecordBounceAsync(subscriber, delivery, rejected, cancellationToken);
        }
        catch (RelayQuotaDeferredException)
        {
            // Not a failure: nothing was sent, and the digest is queued again for when the quota has room.
            await ReleaseAsync(delivery);
            throw;
        }
        catch
        {
            telemetry.DeliveryFailed("transient");
            await ReleaseAsync(delivery);
            throw;
        }

        await ledger.CompleteAsync(delivery with { ItemCount = content.ItemCount }, DeliveryState.Sent, time.GetUtcNow(), cancellationToken);
        await subscribers.MarkDeliveredAsync(subscriber.Id, delivery.ContentUpTo, cancellationToken);
        if (subscriber.BounceCount > 0)
            await subscribers.ResetBouncesAsync(subscriber.Id, cancellationToken);
        telemetry.DigestSent();
        logger.LogInformation("Sent digest {DeliveryId} with {Items} items in {Themes} themes", delivery.Id, content.ItemCount, content.Themes.Count);
        return DeliveryState.Sent;
    }

    /// <summary>
    /// Ledger first, bounce count second: a crash in between loses one count (one more bounce is then needed),
    /// whereas the other order could count the same delivery twice when a stale claim is sent again.
    /// </summary>
    private async Task<DeliveryState> RecordBounceAsync(Subscriber subscriber, Delivery delivery, RecipientRejectedException rejected, CancellationToken cancellationToken)
    {
        await ledger.CompleteAsync(delivery, DeliveryState.FailedPermanently, time.GetUtcNow(), CancellationToken.None);
        var limit = options.Value.BounceLimit;
        var updated = await subscribers.RecordBounceAsync(subscriber.Id, limit, cancellationToken);
        telemetry.DeliveryFailed("permanent");
        // Warning level: the server's reply may name the address.
        logger.LogWarning("Digest {DeliveryId} bounced ({StatusCode} {Reply}): bounce {Count} of {Limit}, subscriber {SubscriberId} is {State}",
            delivery.Id, rejected.StatusCode, rejected.ServerReply, updated.BounceCount, limit, subscriber.Id, updated.State);
        return DeliveryState.FailedPermanently;
    }

    /// <summary>
    /// A digest of an earlier period still being sent (a backlog, a retried failure) has not yet moved the subscriber's
    /// "delivered up to" mark: composing this one now would repeat its items. Wait for it, unless its claim is stale.
    /// </summary>
    private async Task WaitForEarlierDigestAsync(string subscriberId, DateTimeOffset period, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var timeout = options.Value.ClaimTimeout;
        await foreach (var earlier in ledger.ListClaimedBeforeAsync(subscriberId, period, cancellationToken))
        {
            if (now - earlier.ClaimedAt < timeout)
                throw new DeliveryInProgressException(earlier.Id, earlier.ClaimedAt, earlier.ClaimedAt + timeout);
        }
    }

    /// <summary>
    /// Gives a claim back after a failure before the server accepted the digest, so that its retry takes it over at
    /// once. When storage is down that fails too: the claim is then remembered as abandoned by this process (the
    /// caller's own exception propagates; this one is logged).
    /// </summary>
    private async Task ReleaseAsync(Delivery delivery)
    {
        try
        {
            await ledger.CompleteAsync(delivery, DeliveryState.Released, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e)
        {
            _abandonedClaims[delivery.Id] = delivery.ClaimedAt;
            logger.LogWarning("Digest {DeliveryId}: could not release its claim ({Error}); this process takes it over at its retry", delivery.Id, e.GetBaseException().Message);
        }
    }

    /// <summary>The claimed delivery to send, or a delivery in a final state when there is nothing to do.</summary>
    private async Task<Delivery> ClaimAsync(Subscriber subscriber, DateTimeOffset period, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var digest = options.Value;
        var candidate = new Delivery(
            subscriber.Id,
            period,
            DeliveryState.Claimed,
            ClaimedAt: now,
            ContentAfter: subscriber.LastDigestUpTo ?? subscriber.CreatedAt - digest.FirstDigestLookback,
            ContentUpTo: now - digest.IndexSettleTime,
            MessageId: $"digest-{subscriber.Id}-{period.UtcDateTime:yyyyMMddTHHmmZ}@{DomainOf(digest.FromAddress)}");

        var claim = await ledger.ClaimAsync(candidate, cancellationToken);
        if (claim.Claimed)
            return claim.Delivery;

        var existing = claim.Delivery;
        switch (existing.State)
        {
            case DeliveryState.Sent:
                // A crash after "sent" but before the mark would otherwise let the next digest repeat these items.
                await subscribers.MarkDeliveredAsync(subscriber.Id, existing.ContentUpTo, cancellationToken);
                logger.LogInformation("Digest {DeliveryId} was already {State}", existing.Id, existing.State);
                return existing;
            case DeliveryState.SkippedEmpty or DeliveryState.FailedPermanently:
                logger.LogInformation("Digest {DeliveryId} was already {State}", existing.Id, existing.State);
                return existing;
            case DeliveryState.Claimed when now - existing.ClaimedAt < digest.ClaimTimeout
                                            && !(_abandonedClaims.TryGetValue(existing.Id, out var abandoned) && Math.Abs((abandoned - existing.ClaimedAt).TotalMilliseconds) < 1):
                throw new DeliveryInProgressException(existing.Id, existing.ClaimedAt, existing.ClaimedAt + digest.ClaimTimeout);
        }

        // Another worker took it over just now: its claim is as fresh as ours would have been.
        if (!await ledger.TakeOverAsync(existing, now, cancellationToken))
            throw new DeliveryInProgressException(existing.Id, existing.ClaimedAt, now + digest.ClaimTimeout);
        _abandonedClaims.TryRemove(existing.Id, out _);
        logger.LogWarning("Taking over digest {DeliveryId} (was {State} since {ClaimedAt:u})", existing.Id, existing.State, existing.ClaimedAt);
        return existing with { State = DeliveryState.Claimed, ClaimedAt = now };
    }

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];
}
