using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.LocalHost;

/// <summary>
/// Feeds one queue's messages to its handler through <see cref="QueueEndpoint"/> (which retries transient failures
/// on its own curve, as in the Functions app), with the Functions queue trigger's semantics: batches, a new batch when
/// the in-flight count drops to the threshold, concurrent handling, delete on success, retry after the visibility
/// timeout when the endpoint itself failed, <c>{queue}-poison</c> after <see cref="QueueTriggerOptions.MaxDequeueCount"/>
/// such failures, and an exponential polling back-off while the queue is empty, cut short when this process sends to
/// the queue.
/// </summary>
internal sealed class QueueListener(
    IQueueHandler handler,
    QueueEndpoint endpoint,
    QueueServiceClient queues,
    QueueMessageCodec codec,
    NewMessageSignal newMessages,
    QueueTriggerOptions options,
    TimeProvider time,
    PipelineTelemetry telemetry,
    HostHealth health,
    TimeSpan maxRetryDelay,
    ILogger logger)
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly QueueClient _queue = queues.GetQueueClient(handler.Queue);
    private readonly QueueClient _poison = queues.GetQueueClient(StorageNames.PoisonQueue(handler.Queue));
    private readonly string _loop = $"queue {handler.Queue}";

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var handlerCancellation = new CancellationTokenSource();
        var inFlight = new List<Task>();
        var created = false;
        var backOff = MinPollingInterval;
        var failures = new RetryBackOff(maxRetryDelay);
        health.Register(_loop);
        logger.LogInformation("Listening to queue {Queue} with {Handler}", handler.Queue, handler.GetType().Name);

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                if (inFlight.Count > options.EffectiveNewBatchThreshold)
                {
                    await Task.WhenAny(inFlight).WaitAsync(stoppingToken);
                    continue;
                }

                var newMessage = newMessages.Arm(handler.Queue);
                QueueMessage[] messages;
                try
                {
                    if (!created)
                    {
                        await _queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                        await _poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                        created = true;
                    }

                    messages = (await _queue.ReceiveMessagesAsync(options.BatchSize, options.ProcessingLease, stoppingToken)).Value;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Whatever the SDK wraps it in (after its own retries, an AggregateException), a failed receive
                    // means storage is unreachable for now: the listener keeps trying, like the Functions host's.
                    var delay = failures.Next();
                    created = false; // a queue lost with the emulator's state is created again
                    health.Failed(_loop, e, maxRetryDelay);
                    await Task.Delay(delay, time, stoppingToken);
                    continue;
                }

                failures.Reset();
                health.Succeeded(_loop);

                if (messages.Length == 0)
                {
                    var woken = await Task.WhenAny(newMessage, Task.Delay(backOff, time, stoppingToken)) == newMessage;
                    stoppingToken.ThrowIfCancellationRequested();
                    backOff = woken ? MinPollingInterval : Next(backOff);
                    continue;
                }

                backOff = MinPollingInterval;
                foreach (var message in messages)
                    inFlight.Add(ProcessAsync(message, handlerCancellation.Token));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fall through to the drain.
        }

        await DrainAsync(inFlight, handlerCancellation);
    }

    private async Task DrainAsync(List<Task> inFlight, CancellationTokenSource handlerCancellation)
    {
        inFlight.RemoveAll(t => t.IsCompleted);
        if (inFlight.Count == 0)
            return;

        logger.LogInformation("Queue {Queue}: waiting up to {Timeout} for {Count} message(s) in flight", handler.Queue, options.DrainTimeout, inFlight.Count);
        var all = Task.WhenAll(inFlight);
        if (await Task.WhenAny(all, Task.Delay(options.DrainTimeout, time)) != all)
        {
            logger.LogWarning("Queue {Queue}: in-flight messages did not finish within {Timeout}; cancelling their handlers", handler.Queue, options.DrainTimeout);
            await handlerCancellation.CancelAsync();
            await all;
        }
    }

    /// <summary>Handles one message and settles it (delete, retry later, or poison). Never throws: every outcome is logged.</summary>
    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var lease = new MessageLease(message.MessageId, message.PopReceipt);
        try
        {
            string text;
            try
            {
                text = codec.Decode(message.MessageText);
            }
            catch (FormatException e)
            {
                // Retrying cannot make it decodable: straight to poison, like the Functions host.
                await PoisonAsync(message, lease, e, message.MessageText);
                return;
            }

            if (message.InsertedOn is { } insertedOn)
                telemetry.RecordQueueLatency(handler.Queue, time.GetUtcNow() - insertedOn);
            var failure = await HandleAsync(text, lease, cancellationToken);
            if (failure is null)
            {
                await _queue.DeleteMessageAsync(lease.MessageId, lease.PopReceipt, CancellationToken.None);
            }
            else if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                // The host is stopping and gave up waiting: not the message's fault, so no attempt is charged to poison.
                logger.LogWarning("Queue {Queue}: message {MessageId} cancelled by shutdown; released for another host", handler.Queue, message.MessageId);
                await _queue.UpdateMessageAsync(lease.MessageId, lease.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await PoisonAsync(message, lease, failure, text);
            }
            else
            {
                logger.LogWarning(failure, "Queue {Queue}: message {MessageId} failed (attempt {Attempt} of {Max}); retrying after {Delay}",
                    handler.Queue, message.MessageId, message.DequeueCount, options.MaxDequeueCount, options.VisibilityTimeout);
                await _queue.UpdateMessageAsync(lease.MessageId, lease.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            // Only settling can fail here (the handler's own failure was handled above). The message is still in
            // the queue and comes back when its processing lease expires, so it is retried, not lost.
            logger.LogError(e, "Queue {Queue}: could not settle message {MessageId}; it reappears after at most {Lease}",
                handler.Queue, message.MessageId, options.ProcessingLease);
        }
    }

    /// <returns>The handler's exception, or null on success.</returns>
    private async Task<Exception?> HandleAsync(string text, MessageLease lease, CancellationToken cancellationToken)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewAsync(lease, renewal.Token);
        try
        {
            await endpoint.HandleAsync(handler, text, cancellationToken);
            return null;
        }
        catch (Exception e)
        {
            // The queue trigger's contract: a handler's exception means "retry this message", then "poison it".
            return e;
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }
    }

    /// <summary>Keeps the message invisible while its handler runs, renewing at half the lease.</summary>
    private async Task RenewAsync(MessageLease lease, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(options.ProcessingLease / 2, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var receipt = await _queue.UpdateMessageAsync(lease.MessageId, lease.PopReceipt, visibilityTimeout: options.ProcessingLease, cancellationToken: CancellationToken.None);
                lease.PopReceipt = receipt.Value.PopReceipt;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Queue {Queue}: could not extend the lease of message {MessageId}; it may be delivered twice", handler.Queue, lease.MessageId);
                return;
            }
        }
    }

    private async Task PoisonAsync(QueueMessage message, MessageLease lease, Exception error, string text)
    {
        var envelope = PoisonMessage.For(handler.Queue, error, message.DequeueCount, time.GetUtcNow(), text);
        await _poison.SendMessageAsync(codec.Encode(PipelineJson.Serialize(envelope)), CancellationToken.None);
        await _queue.DeleteMessageAsync(lease.MessageId, lease.PopReceipt, CancellationToken.None);
        logger.LogError(error, "Queue {Queue}: message {MessageId} moved to {PoisonQueue} after {Attempts} attempt(s)",
            handler.Queue, message.MessageId, _poison.Name, message.DequeueCount);
    }

    private TimeSpan Next(TimeSpan current)
    {
        var doubled = current * 2;
        return doubled > options.MaxPollingInterval ? options.MaxPollingInterval : doubled;
    }

    /// <summary>A message being processed: its pop receipt changes each time its invisibility is extended.</summary>
    private sealed class MessageLease(string messageId, string popReceipt)
    {
        public string MessageId { get; } = messageId;

        public string PopReceipt { get; set; } = popReceipt;
    }
}
