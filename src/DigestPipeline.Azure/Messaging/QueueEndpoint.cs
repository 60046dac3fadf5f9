using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Azure.Messaging;

/// <summary>
/// The one way a queue message reaches its <see cref="IQueueHandler"/>, in the local host and in the Functions app
/// alike, so that both retry on the same curve:
/// <list type="bullet">
/// <item>a message that can never succeed (<see cref="FormatException"/>: not JSON, wrong shape or schema version;
/// <see cref="UnprocessableMessageException"/>) goes to <c>{queue}-poison</c> at once, with its error;</item>
/// <item>any other failure is taken as transient (storage, SMTP, a dependency restarting): the message is sent again
/// in a <see cref="RetryMessage"/>, invisible for an exponential, jittered delay, and this attempt completes; after
/// <see cref="QueueRetryOptions.RetryFor"/> of failures it goes to poison.</item>
/// </list>
/// Why not the trigger's own retries: they come <c>visibilityTimeout</c> apart with no back-off, so an outage of
/// <c>visibilityTimeout × maxDequeueCount</c> (30 s with host.json's values) sent work to poison; and the Functions
/// host cannot be given a curve. If sending the retry or the poison message fails too (storage is down), the
/// handler's exception propagates and the trigger's own retry takes over: the message is never lost.
/// </summary>
public sealed class QueueEndpoint(IQueueSender queue, IOptions<QueueRetryOptions> options, TimeProvider time, ILogger<QueueEndpoint> logger, IEnumerable<IQueueHandler>? handlers = null)
{
    private readonly Dictionary<string, IQueueHandler> _byQueue = (handlers ?? []).ToDictionary(h => h.Queue, StringComparer.Ordinal);

    /// <summary>A message of <paramref name="queueName"/> to the handler registered for it (the Functions triggers' entry).</summary>
    public Task HandleAsync(string queueName, string messageText, CancellationToken cancellationToken) =>
        HandleAsync(_byQueue.TryGetValue(queueName, out var handler) ? handler : throw new InvalidOperationException($"No handler is registered for queue '{queueName}'."),
            messageText, cancellationToken);

    public async Task HandleAsync(IQueueHandler handler, string messageText, CancellationToken cancellationToken)
    {
        var text = messageText;
        RetryMessage? retry = null;
        try
        {
            (text, retry) = Unwrap(messageText);
            await handler.HandleAsync(text, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: not the message's fault; the trigger hands it to another attempt unchanged.
            throw;
        }
        catch (Exception e)
        {
            await SettleFailureAsync(handler.Queue, text, retry, e);
        }
    }

    private async Task SettleFailureAsync(string queueName, string text, RetryMessage? retry, Exception error)
    {
        var now = time.GetUtcNow();
        var attempt = (retry?.Attempt ?? 0) + 1;
        var firstFailedAt = retry?.FirstFailedAt ?? now;
        var settings = options.Value;
        try
        {
            if (IsPermanent(error) || now - firstFailedAt >= settings.RetryFor)
            {
                var poison = PoisonMessage.For(queueName, error, attempt, now, text);
                await queue.SendAsync(StorageNames.PoisonQueue(queueName), PipelineJson.Serialize(poison), CancellationToken.None);
                logger.LogError(error, "Queue {Queue}: message moved to {PoisonQueue} after {Attempts} attempt(s) over {Elapsed}{Reason}",
                    queueName, StorageNames.PoisonQueue(queueName), attempt, now - firstFailedAt, IsPermanent(error) ? " (it can never succeed)" : "");
                return;
            }

            var delay = new JitteredBackoff(settings.FirstRetryDelay, settings.MaxRetryDelay).DelayAfter(attempt);
            await queue.SendAsync(queueName, RetryMessage.Wrap(text, attempt, firstFailedAt, error), delay, CancellationToken.None);
            logger.LogWarning(error, "Queue {Queue}: attempt {Attempt} failed ({Error}); retrying in {Delay}, for up to {Left} more",
                queueName, attempt, error.GetBaseException().Message, delay, settings.RetryFor - (now - firstFailedAt));
        }
        catch (Exception settling)
        {
            // The retry could not be scheduled (storage is down too): the trigger's own retry keeps the message.
            throw new AggregateException($"Queue {queueName}: the message failed and its retry could not be scheduled", error, settling);
        }
    }

    /// <summary>Malformed, of an unknown schema, or about something that does not exist: no retry can change that.</summary>
    private static bool IsPermanent(Exception error) => error switch
    {
        FormatException or UnprocessableMessageException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsPermanent),
        _ => false,
    };

    private static (string Text, RetryMessage? Retry) Unwrap(string messageText)
    {
        if (!RetryMessage.IsRetry(messageText))
            return (messageText, null);
        var retry = PipelineJson.Deserialize<RetryMessage>(messageText);
        return (retry.Message, retry);
    }
}
