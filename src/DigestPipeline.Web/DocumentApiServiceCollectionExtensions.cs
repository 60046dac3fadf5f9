using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Web;

public static class DocumentApiServiceCollectionExtensions
{
    /// <summary>The upload API's options (section <c>Api</c>, validated at start), rate limiter, token validator and access check; calling it twice registers them once.</summary>
    public static IServiceCollection AddDocumentApi(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ApiAccess)))
            return services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.AddSingleton<ApiRateLimiter>();
        services.AddSingleton<EntraTokenValidator>();
        services.AddSingleton<ApiAccess>();
        return services;
    }
}
