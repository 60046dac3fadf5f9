using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DigestPipeline.Azure;

public static class DigestPipelineServiceCollectionExtensions
{
    /// <summary>The whole pipeline on one storage account: the Core domain and handlers, the storage adapters, and
    /// the queues bound to their handlers, with their depths and poison queues for operators (<see cref="IFailedWork"/>).
    /// Hosts add a mail sender (<c>AddDigestMail</c>) and their triggers.</summary>
    public static IServiceCollection AddDigestPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDigestPipelineCore().AddDigestPipelineStorage(configuration).AddPipelineQueues();
        services.TryAddSingleton<PoisonQueues>();
        services.TryAddSingleton<IFailedWork>(sp => sp.GetRequiredService<PoisonQueues>());
        return services;
    }
}
