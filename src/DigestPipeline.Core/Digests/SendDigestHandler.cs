using System.Diagnostics;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// Queue <c>digest</c>: a batch of digest requests, each sent once per subscriber and period by
/// <see cref="DigestSender"/> (the ledger's rules are <see cref="Delivery"/>'s).
/// A request whose claim is still pending goes back to the queue in a new message, invisible for a few seconds, until
/// the claim is done or times out: waiting on a crashed worker's claim never uses up the message's attempts.
/// When the mail relay's shared quota is taken for longer than <c>Mail:Smtp:QuotaMaxWait</c>, the rest of the batch
/// goes back to the queue, invisible until the quota has room: a backlog waits in the queue, not in running
/// handlers, and never counts as a failed attempt.
/// </summary>
public sealed class SendDigestHandler(
    DigestSender sender,
    IMessagePublisher publisher,
    TimeProvider time,
    ILogger<SendDigestHandler> logger) : IMessageHandler<DigestBatchMessage>
{
    private static readonly TimeSpan MinimumClaimRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a request waiting on another worker's claim looks again: a live worker finishes in seconds, and
    /// only a crashed one makes it wait for <see cref="DigestOptions.ClaimTimeout"/>.
    /// </summary>
    private static readonly TimeSpan ClaimRetryInterval = TimeSpan.FromSeconds(5);

    public async Task HandleAsync(DigestBatchMessage message, CancellationToken cancellationToken)
    {
        // Every subscriber of the batch gets its chance before a failure makes the whole batch retried;
        // on the retry the ledger skips those already sent.
        var failures = new List<Exception>();
        var inProgress = new List<(DigestRequest Request, DateTimeOffset RetryAt)>();
        var deferred = new List<DigestRequest>();
        DateTimeOffset? quotaFreeAt = null;
        foreach (var attempt in await sender.DeliverAsync(message.Requests, cancellationToken))
        {
            switch (attempt.Error)
            {
                case DeliveryInProgressException claimed:
                    inProgress.Add((attempt.Request, claimed.RetryAt));
                    break;
                case RelayQuotaDeferredException quota:
                    // The relay's quota is taken: those of the batch not sent wait for it in the queue, not here.
                    quotaFreeAt = quota.RetryAt;
                    deferred.Add(attempt.Request);
                    break;
                case { } error:
                    failures.Add(error);
                    break;
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
}
