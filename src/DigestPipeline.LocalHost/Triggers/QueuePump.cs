using Azure.Storage.Queues;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.LocalHost;

/// <summary>
/// The local host's queue trigger: one <see cref="QueueListener"/> per <see cref="IQueueHandler"/> registered in DI,
/// with host.json's <c>extensions:queues</c> settings. Neither a handler's exception nor a storage outage stops the host.
/// </summary>
public sealed class QueuePump(
    IEnumerable<IQueueHandler> handlers,
    QueueEndpoint endpoint,
    QueueServiceClient queues,
    QueueMessageCodec codec,
    NewMessageSignal newMessages,
    IOptions<QueueTriggerOptions> options,
    TimeProvider time,
    PipelineTelemetry telemetry,
    HostHealth health,
    IOptions<LocalHostOptions> hostOptions,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var all = handlers.ToList();
        var duplicate = all.GroupBy(h => h.Queue, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Queue '{duplicate.Key}' has {duplicate.Count()} handlers ({string.Join(", ", duplicate.Select(h => h.GetType().Name))}); a queue has exactly one.");
        }

        var logger = loggers.CreateLogger<QueuePump>();
        if (all.Count == 0)
        {
            logger.LogWarning("No queue handlers registered: the queue pump has nothing to do");
            return Task.CompletedTask;
        }

        return Task.WhenAll(all.Select(handler =>
            new QueueListener(handler, endpoint, queues, codec, newMessages, options.Value, time, telemetry, health, hostOptions.Value.MaxRetryDelay, logger).RunAsync(stoppingToken)));
    }
}
