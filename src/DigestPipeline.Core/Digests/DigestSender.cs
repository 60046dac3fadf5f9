using System.Collections.Concurrent;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// Sends each requested digest (one subscriber, one period) once, by the rules of <see cref="Delivery"/>: read the
/// subscriber and move them on in the due index → claim → collect (a batch's together) → compose and archive → send →
/// complete. A crash between the SMTP server's acceptance and "complete" is the one
/// case that can deliver twice (the same Message-ID). Completing a sent delivery moves the subscriber's "delivered
/// up to" mark and resets its bounce count in the same transaction.
/// A permanent rejection of the recipient (<see cref="RecipientRejectedException"/>) is not retried: the delivery
/// ends failed permanently with one more bounce; at <see cref="DigestOptions.BounceLimit"/> bounces the subscriber
/// is marked bouncing.
/// </summary>
public sealed class DigestSender(
    ISubscriberStore subscribers,
    IDueIndex dueIndex,
    IDeliveryLedger ledger,
    DigestWriter writer,
    IMailSender mail,
    IOptions<DigestOptions> options,
    TimeProvider time,
    PipelineTelemetry telemetry,
    ILogger<DigestSender> logger)
{
    /// <summary>
    /// Claims this process gave up but could not release (storage was down): delivery id → the claim's time. Its
    /// retry here takes the claim over at once instead of waiting <see cref="DigestOptions.ClaimTimeout"/> as if
    /// another worker still held it; another process cannot know, and waits.
    /// </summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _abandonedClaims = new(StringComparer.Ordinal);

    /// <exception cref="DeliveryInProgressException">Another worker holds this delivery's claim, or an earlier period's.</exception>
    /// <exception cref="RelayQuotaDeferredException">The relay's quota has no room yet; the claim is released.</exception>
    public async Task<DeliveryState> DeliverAsync(DigestRequest request, CancellationToken cancellationToken)
    {
        var attempt = (await DeliverAsync([request], cancellationToken))[0];
        if (attempt.Error is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(attempt.Error);
        return attempt.State!.Value;
    }

    /// <summary>
    /// Delivers a batch: each request's subscriber read and, for a scheduled digest, moved on to their next occurrence
    /// in the due index (one write per batch and occurrence, before anything is sent, so that no failure after it
    /// loses the subscriber from the index); each request claimed by the rules; the content of all claimed ones
    /// collected together (<see cref="DigestContentCollector"/>: each theme and document read once for the batch);
    /// then each digest written, sent and completed. Subscribers are independent rows: up to
    /// <see cref="DigestOptions.Parallelism"/> are claimed, and sent, at once. Every request gets its chance: one's
    /// failure is its own. Once the relay's quota is deferred, the claims not yet sent are released and reported
    /// deferred too, to wait in the queue.
    /// </summary>
    /// <returns>Per request, in order: its final state, or the error that stopped it.</returns>
    public async Task<IReadOnlyList<DeliveryAttempt>> DeliverAsync(IReadOnlyList<DigestRequest> requests, CancellationToken cancellationToken)
    {
        var attempts = new DeliveryAttempt[requests.Count];
        var due = await ReadDueSubscribersAsync(requests, attempts, cancellationToken);
        var claims = new ClaimedDelivery?[requests.Count];
        await ForEachAsync(Enumerable.Range(0, requests.Count).Where(i => due[i] is not null), async (i, ct) =>
        {
            try
            {
                var (state, claim) = await ClaimAsync(requests[i], due[i]!, ct);
                if (claim is null)
                    attempts[i] = new DeliveryAttempt(requests[i], state);
                claims[i] = claim;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                attempts[i] = new DeliveryAttempt(requests[i], null, e);
            }
        }, cancellationToken);

        var claimed = Enumerable.Range(0, requests.Count).Where(i => claims[i] is not null).Select(i => (Index: i, Claim: claims[i]!)).ToList();
        IReadOnlyList<DigestContent> contents;
        try
        {
            contents = await writer.CollectAsync(claimed.Select(c => (c.Claim.Subscriber, c.Claim.Delivery)).ToList(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing was sent: the claims go back, so that the retry does not wait for them to time out.
            foreach (var (index, claim) in claimed)
            {
                await ReleaseAsync(claim.Delivery);
                attempts[index] = new DeliveryAttempt(requests[index], null, e);
            }

            return attempts;
        }

        RelayQuotaDeferredException? deferred = null;
        await ForEachAsync(Enumerable.Range(0, claimed.Count), async (k, ct) =>
        {
            var (index, claim) = claimed[k];
            if (Volatile.Read(ref deferred) is { } quota)
            {
                await ReleaseAsync(claim.Delivery);
                attempts[index] = new DeliveryAttempt(requests[index], null, quota);
                return;
            }

            try
            {
                attempts[index] = new DeliveryAttempt(requests[index], await SendAsync(claim, contents[k], ct));
            }
            catch (RelayQuotaDeferredException e)
            {
                Volatile.Write(ref deferred, e);
                attempts[index] = new DeliveryAttempt(requests[index], null, e);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                attempts[index] = new DeliveryAttempt(requests[index], null, e);
            }
        }, cancellationToken);

        return attempts;
    }

    /// <summary>
    /// Each request's subscriber, when they are to get the digest (null, with the request's outcome set, when not):
    /// active, and for a scheduled digest, on a period their schedule still has (an entry left at a schedule they
    /// have since changed is dropped). Each scheduled one's next entry is placed in the due index, all in one go.
    /// </summary>
    private async Task<Subscriber?[]> ReadDueSubscribersAsync(IReadOnlyList<DigestRequest> requests, DeliveryAttempt[] attempts, CancellationToken cancellationToken)
    {
        var due = new Subscriber?[requests.Count];
        var next = new DueEntry?[requests.Count];
        await ForEachAsync(Enumerable.Range(0, requests.Count), async (i, ct) =>
        {
            var request = requests[i];
            using var scope = PipelineTelemetry.TagSubscriber(logger, request.SubscriberId);
            try
            {
                var subscriber = await subscribers.GetAsync(request.SubscriberId, ct);
                if (subscriber is not { State: SubscriberState.Active })
                {
                    logger.LogInformation("Subscriber {SubscriberId} is {State}; no digest", request.SubscriberId, subscriber?.State.ToString() ?? "gone");
                    telemetry.DigestSkipped("subscriber-not-active");
                    attempts[i] = new DeliveryAttempt(request, DeliveryState.SkippedEmpty);
                }
                else if (!request.OnDemand && !DigestSchedule.For(subscriber).Occurs(request.Period))
                {
                    logger.LogInformation("Subscriber {SubscriberId} changed schedule since {Period:u} was due; no digest for it", request.SubscriberId, request.Period);
                    telemetry.DigestSkipped("schedule-changed");
                    attempts[i] = new DeliveryAttempt(request, DeliveryState.SkippedEmpty);
                    next[i] = DueEntry.After(subscriber, time.GetUtcNow());
                }
                else
                {
                    due[i] = subscriber;
                    next[i] = request.OnDemand ? null : DueEntry.After(subscriber, request.Period);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                attempts[i] = new DeliveryAttempt(request, null, e);
            }
        }, cancellationToken);

        try
        {
            await dueIndex.PlaceAsync(next.OfType<DueEntry>().ToList(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing is claimed yet: these requests fail, their message is tried again, and the entries placed then.
            for (var i = 0; i < requests.Count; i++)
            {
                if (next[i] is null)
                    continue;
                attempts[i] = new DeliveryAttempt(requests[i], null, e);
                due[i] = null;
            }
        }

        return due;
    }

    /// <summary>Runs <paramref name="body"/> for each index, <see cref="DigestOptions.Parallelism"/> at a time.</summary>
    private Task ForEachAsync(IEnumerable<int> indices, Func<int, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(indices, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken }, body);

    /// <summary>The request's delivery claimed and to be sent, or its final state when there is nothing to send.</summary>
    private async Task<(DeliveryState State, ClaimedDelivery? Claim)> ClaimAsync(DigestRequest request, Subscriber subscriber, CancellationToken cancellationToken)
    {
        using var activity = telemetry.ActivitySource.StartActivity("claim digest");
        using var scope = PipelineTelemetry.TagSubscriber(logger, request.SubscriberId);
        // A digest of an earlier period still in flight has not moved the subscriber's mark yet: composing this one
        // now would repeat its items, so it waits (unless that claim is stale).
        var (progress, claimedBefore) = await ledger.ReadAsync(subscriber.Id, request.Period, cancellationToken);
        if (Delivery.HeldBackBy(claimedBefore, time.GetUtcNow(), options.Value.ClaimTimeout) is { } inFlight)
            throw new DeliveryInProgressException(inFlight.Id, inFlight.ClaimedAt, inFlight.ClaimedAt + options.Value.ClaimTimeout);
        var delivery = await ClaimAsync(subscriber, progress, request.Period, cancellationToken);
        using var deliveryScope = PipelineTelemetry.TagDelivery(logger, delivery.Id);
        if (delivery.State != DeliveryState.Claimed)
            return (delivery.State, null);
        if (!delivery.IsCoveredBy(progress))
            return (DeliveryState.Claimed, new ClaimedDelivery(subscriber, progress, delivery));

        try
        {
            await ledger.CompleteAsync(delivery.SkippedAsCovered(time.GetUtcNow()), progress, cancellationToken);
        }
        catch
        {
            await ReleaseAsync(delivery);
            throw;
        }

        logger.LogInformation("Digest {DeliveryId} skipped: a later digest already delivered its content", delivery.Id);
        telemetry.DigestSkipped("covered-by-later-digest");
        return (DeliveryState.SkippedEmpty, null);
    }

    /// <summary>A claimed delivery with its collected content: skipped below the minimum, else written, sent and completed.</summary>
    private async Task<DeliveryState> SendAsync(ClaimedDelivery claim, DigestContent content, CancellationToken cancellationToken)
    {
        var (subscriber, progress, delivery) = claim;
        using var activity = telemetry.ActivitySource.StartActivity("deliver digest");
        using var scope = PipelineTelemetry.TagSubscriber(logger, subscriber.Id);
        using var deliveryScope = PipelineTelemetry.TagDelivery(logger, delivery.Id);
        EmailMessage email;
        try
        {
            if (content.ItemCount < options.Value.MinimumItems)
            {
                await ledger.CompleteAsync(delivery.Skipped(content.ItemCount, time.GetUtcNow()), progress, cancellationToken);
                logger.LogInformation("{Items} new items for subscriber {SubscriberId} in period {Period:u}; digest skipped", content.ItemCount, subscriber.Id, delivery.Period);
                telemetry.DigestSkipped("too-few-items");
                return DeliveryState.SkippedEmpty;
            }

            email = await writer.WriteAsync(content, delivery, cancellationToken);
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
            return await RecordBounceAsync(claim, rejected, cancellationToken);
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

        await ledger.CompleteAsync(delivery.Sent(content.ItemCount, time.GetUtcNow()), progress, cancellationToken);
        telemetry.DigestSent();
        logger.LogInformation("Sent digest {DeliveryId} with {Items} items in {Themes} themes", delivery.Id, content.ItemCount, content.Themes.Count);
        return DeliveryState.Sent;
    }

    /// <summary>
    /// The delivery and its bounce in one transaction; the subscriber's state after it. A crash between the two
    /// leaves the subscriber active with its count at the limit: the next digest bounces again and marks it then.
    /// </summary>
    private async Task<DeliveryState> RecordBounceAsync(ClaimedDelivery claim, RecipientRejectedException rejected, CancellationToken cancellationToken)
    {
        var (subscriber, lastRead, delivery) = claim;
        var progress = await ledger.CompleteAsync(delivery.Bounced(time.GetUtcNow()), lastRead, CancellationToken.None);
        var limit = options.Value.BounceLimit;
        var state = subscriber.State;
        if (progress.HasBouncedTooOften(limit))
        {
            var updated = await subscribers.ChangeSettingsAsync(subscriber.Id,
                stored => stored.State == SubscriberState.Active ? stored with { State = SubscriberState.Bouncing } : null, cancellationToken);
            state = updated?.State ?? state;
        }

        telemetry.DeliveryFailed("permanent");
        // Warning level: the server's reply may name the address.
        logger.LogWarning("Digest {DeliveryId} bounced ({StatusCode} {Reply}): bounce {Count} of {Limit}, subscriber {SubscriberId} is {State}",
            delivery.Id, rejected.StatusCode, rejected.ServerReply, progress.BounceCount, limit, subscriber.Id, state);
        return DeliveryState.FailedPermanently;
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
            await ledger.ReleaseAsync(delivery.Released(time.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception e)
        {
            _abandonedClaims[delivery.Id] = delivery.ClaimedAt;
            logger.LogWarning("Digest {DeliveryId}: could not release its claim ({Error}); this process takes it over at its retry", delivery.Id, e.GetBaseException().Message);
        }
    }

    /// <summary>The claimed delivery to send, or a delivery in a final state when there is nothing to do.</summary>
    private async Task<Delivery> ClaimAsync(Subscriber subscriber, DeliveryProgress progress, DateTimeOffset period, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claim = await ledger.ClaimAsync(Delivery.Claim(subscriber, progress, period, now, options.Value), cancellationToken);
        if (claim.Claimed)
            return claim.Delivery;

        var existing = claim.Delivery;
        var verdict = existing.Verdict(now, options.Value.ClaimTimeout, _abandonedClaims.TryGetValue(existing.Id, out var abandoned) ? abandoned : null);
        switch (verdict.Kind)
        {
            case ClaimVerdictKind.Done:
                logger.LogInformation("Digest {DeliveryId} was already {State}", existing.Id, existing.State);
                return existing;
            case ClaimVerdictKind.Wait:
                throw new DeliveryInProgressException(existing.Id, existing.ClaimedAt, verdict.RetryAt!.Value);
        }

        // Another worker took it over just now: its claim is as fresh as ours would have been.
        if (!await ledger.TakeOverAsync(existing, now, cancellationToken))
            throw new DeliveryInProgressException(existing.Id, existing.ClaimedAt, now + options.Value.ClaimTimeout);
        _abandonedClaims.TryRemove(existing.Id, out _);
        logger.LogWarning("Taking over digest {DeliveryId} (was {State} since {ClaimedAt:u})", existing.Id, existing.State, existing.ClaimedAt);
        return existing.TakenOver(now);
    }
}

/// <summary>What became of one request of a batch: its final state, or the error that stopped it (exactly one is set).</summary>
public sealed record DeliveryAttempt(DigestRequest Request, DeliveryState? State, Exception? Error = null);

/// <summary>A delivery this worker claimed, with its subscriber and their progress as read for the claim.</summary>
internal sealed record ClaimedDelivery(Subscriber Subscriber, DeliveryProgress Progress, Delivery Delivery);
