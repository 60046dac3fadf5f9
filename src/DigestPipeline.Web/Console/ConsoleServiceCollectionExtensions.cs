using DigestPipeline.Web.Console.Documents;
using DigestPipeline.Web.Console.Operations;
using DigestPipeline.Web.Console.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Web.Console;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>The operator console: its options (section <c>Console</c>, validated at start), tokens, sections and app; calling it twice registers them once.</summary>
    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ConsoleApp)))
            return services;
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>());
        services.AddSingleton<ConsoleTokens>();
        services.AddSingleton<ConsoleApp>();
        // Documents
        services.AddOptions<ConsoleDocumentsOptions>().BindConfiguration(ConsoleDocumentsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsoleDocumentsOptions>, ConsoleDocumentsOptionsValidator>());
        services.TryAddSingleton<DocumentListSnapshot>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConsoleSection, DocumentsSection>());
        // Subscribers and Operations (console-subs-ops)
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConsoleSection, SubscribersSection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConsoleSection, OperationsSection>());
        // Upload and Themes
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConsoleSection, Upload.UploadSection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConsoleSection, Themes.ThemesSection>());
        return services;
    }
}
