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
/// </summary>
public sealed class SendDigestHandler(
    ISubscriberStore subscribers,
    IDeliveryLedger ledger,
    DigestContentCollector collector,
    DigestComposer composer,
    IDigestArchive archive,
    IMailSender mail,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<SendDigestHandler> logger) : IQueueHandler
{
    public string Queue => StorageNames.DigestQueue;

    public async Task HandleAsync(string messageText, CancellationToken cancellationToken)
    {
        var message = PipelineJson.Deserialize<DigestBatchMessage>(messageText);
        if (message.SchemaVersion != DigestBatchMessage.CurrentVersion)
            throw new FormatException($"Unsupported digest message version {message.SchemaVersion}.");

        // Every subscriber of the batch gets its chance before a failure makes the whole batch retried;
        // on the retry the ledger skips those already sent.
        var failures = new List<Exception>();
        foreach (var request in message.Requests)
        {
            try
            {
                await DeliverAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(e);
            }
        }

        if (failures.Count > 0)
            throw new AggregateException($"{failures.Count} of {message.Requests.Count} digests failed", failures);
    }

    public async Task<DeliveryState> DeliverAsync(DigestRequest request, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["SubscriberId"] = request.SubscriberId });
        var subscriber = await subscribers.GetAsync(request.SubscriberId, cancellationToken);
        if (subscriber is not { State: SubscriberState.Active })
        {
            logger.LogInformation("Subscriber {SubscriberId} is gone or unsubscribed; no digest", request.SubscriberId);
            return DeliveryState.SkippedEmpty;
        }

        var delivery = await ClaimAsync(subscriber, request.Period, cancellationToken);
        if (delivery.State != DeliveryState.Claimed)
            return delivery.State;

        var content = await collector.CollectAsync(subscriber, request.Period, delivery.ContentAfter, delivery.ContentUpTo, cancellationToken);
        if (content.ItemCount < options.Value.MinimumItems)
        {
            await ledger.CompleteAsync(delivery, DeliveryState.SkippedEmpty, time.GetUtcNow(), cancellationToken);
            // Items below the minimum wait for the next digest: the mark moves only past a window with nothing in it.
            if (content.ItemCount == 0)
                await subscribers.MarkDeliveredAsync(subscriber.Id, delivery.ContentUpTo, cancellationToken);
            logger.LogInformation("{Items} new items for subscriber {SubscriberId} in period {Period:u}; digest skipped", content.ItemCount, subscriber.Id, request.Period);
            return DeliveryState.SkippedEmpty;
        }

        var composed = composer.Compose(content);
        var email = new DigestEmail(
            new EmailAddress(options.Value.FromAddress, options.Value.FromName),
            new EmailAddress(subscriber.Email, subscriber.DisplayName),
            composed.Subject,
            composed.Html,
            composed.Text,
            delivery.MessageId,
            delivery.ClaimedAt,
            new Dictionary<string, string>());

        await archive.SaveAsync(delivery.Id, composed.Html, cancellationToken);
        try
        {
            await mail.SendAsync(email, cancellationToken);
        }
        catch
        {
            await ledger.CompleteAsync(delivery, DeliveryState.Released, time.GetUtcNow(), CancellationToken.None);
            throw;
        }

        await ledger.CompleteAsync(delivery with { ItemCount = content.ItemCount }, DeliveryState.Sent, time.GetUtcNow(), cancellationToken);
        await subscribers.MarkDeliveredAsync(subscriber.Id, delivery.ContentUpTo, cancellationToken);
        logger.LogInformation("Sent digest {DeliveryId} with {Items} items in {Themes} themes", delivery.Id, content.ItemCount, content.Themes.Count);
        return DeliveryState.Sent;
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
            case DeliveryState.SkippedEmpty:
                logger.LogInformation("Digest {DeliveryId} was already {State}", existing.Id, existing.State);
                return existing;
            case DeliveryState.Claimed when now - existing.ClaimedAt < digest.ClaimTimeout:
                throw new DeliveryInProgressException(existing.Id, existing.ClaimedAt);
        }

        if (!await ledger.TakeOverAsync(existing, now, cancellationToken))
            throw new DeliveryInProgressException(existing.Id, existing.ClaimedAt);
        logger.LogWarning("Taking over digest {DeliveryId} (was {State} since {ClaimedAt:u})", existing.Id, existing.State, existing.ClaimedAt);
        return existing with { State = DeliveryState.Claimed, ClaimedAt = now };
    }

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];
}
