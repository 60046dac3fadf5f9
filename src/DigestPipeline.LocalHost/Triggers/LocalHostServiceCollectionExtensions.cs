using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace DigestPipeline.LocalHost;

public static class LocalHostServiceCollectionExtensions
{
    /// <summary>
    /// The local Functions host: storage (<see cref="StorageServiceCollectionExtensions.AddDigestPipelineStorage"/>),
    /// then as hosted services, in this order, <see cref="StorageInitializer"/>, <see cref="QueuePump"/>,
    /// <see cref="BlobWatcher"/> and <see cref="SingletonTimer"/>. Handlers are the <c>IQueueHandler</c> and
    /// <c>ITimerHandler</c> services registered in DI.
    /// </summary>
    public static IServiceCollection AddLocalFunctionsHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDigestPipelineStorage(configuration);
        services.AddPipelineTelemetry();
        services.AddQueueEndpoint();
        services.TryAddSingleton<HostHealth>();

        services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalHostOptions>>(_ => new LocalHostOptionsSetup(configuration));

        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.AddHostedService<QueuePump>();
        services.AddHostedService<BlobWatcher>();
        services.AddHostedService<SingletonTimer>();
        return services;
    }
}
