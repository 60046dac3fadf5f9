using DigestPipeline.Azure.Storage;
using DigestPipeline.Core;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Azure.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The pipeline's queues bound to Core's handlers, through the one <see cref="QueueEndpoint"/>: <c>ingest</c>
    /// (Event Grid BlobCreated events, <see cref="EventGridUpload"/>) → <see cref="IngestDocumentHandler"/>;
    /// <c>summarize</c> → <see cref="SummarizeDocumentHandler"/>; <c>digest</c> → <see cref="SendDigestHandler"/>.
    /// Part of <c>AddDigestPipeline</c>; call it once. (Core's <see cref="IMessagePublisher"/> comes with the storage
    /// adapters, <c>AddDigestPipelineStorage</c>.)
    /// </summary>
    public static IServiceCollection AddPipelineQueues(this IServiceCollection services)
    {
        services.AddQueueEndpoint();
        services.AddQueueHandler<UploadArrived, IngestDocumentHandler>(StorageNames.IngestQueue, EventGridUpload.Parse);
        services.AddQueueHandler<SummarizeMessage, SummarizeDocumentHandler>(StorageNames.SummarizeQueue, QueueMessages.ParseSummarize);
        services.AddQueueHandler<DigestBatchMessage, SendDigestHandler>(StorageNames.DigestQueue, QueueMessages.ParseDigestBatch);
        return services;
    }

    /// <summary>
    /// Binds <paramref name="queue"/> to its typed handler: the hosts see an <see cref="IQueueHandler"/> that decodes
    /// the text with <paramref name="decode"/> inside the message's span (<see cref="QueueMessageHandler{TMessage}"/>).
    /// </summary>
    public static IServiceCollection AddQueueHandler<TMessage, THandler>(this IServiceCollection services, string queue, Func<string, TMessage?> decode)
        where TMessage : class
        where THandler : class, IMessageHandler<TMessage>
    {
        services.TryAddSingleton<THandler>();
        services.AddPipelineTelemetry();
        services.AddSingleton<IQueueHandler>(sp => new QueueMessageHandler<TMessage>(queue, decode, sp.GetRequiredService<THandler>(),
            sp.GetRequiredService<PipelineTelemetry>(), sp.GetService<ILoggerFactory>()?.CreateLogger<QueueMessageHandler<TMessage>>()));
        return services;
    }

    /// <summary>The one way queue messages reach their handlers, with its retry settings (section <c>Queues</c>); one per host.</summary>
    public static IServiceCollection AddQueueEndpoint(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<QueueRetryOptions>().BindConfiguration(QueueRetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<QueueEndpoint>();
        return services;
    }
}
