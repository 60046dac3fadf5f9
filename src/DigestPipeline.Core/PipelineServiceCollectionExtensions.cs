using System.Diagnostics.Metrics;
using DigestPipeline.Core.Access;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Newsletters;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Removal;
using DigestPipeline.Core.Repair;
using DigestPipeline.Core.Sources;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using DigestPipeline.Core.Translation;
using DigestPipeline.Core.Uploads;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The domain: readers, analysis, composition and the handlers of every stage. Storage and mail come from their adapters.</summary>
    public static IServiceCollection AddDigestPipelineCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPipelineTelemetry();
        services.TryAddSingleton<HostHealth>();
        services.AddOptions<DocumentReaderOptions>().BindConfiguration(DocumentReaderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SummarizerOptions>().BindConfiguration(SummarizerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ThemeTaxonomyOptions>().BindConfiguration(ThemeTaxonomyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RepairOptions>().BindConfiguration(RepairOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SubscriptionOptions>, SubscriptionOptionsValidator>());
        services.AddOptions<TranslationOptions>().BindConfiguration(TranslationOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TranslationOptions>, TranslationOptionsValidator>());
        services.AddOptions<SourceOptions>().BindConfiguration(SourceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SourceOptions>, SourceOptionsValidator>());
        services.AddOptions<NewsletterOptions>().BindConfiguration(NewsletterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NewsletterOptions>, NewsletterOptionsValidator>());

        services.AddSingleton(sp => new DocumentReader(sp.GetRequiredService<IOptions<DocumentReaderOptions>>().Value, sp.GetService<TimeProvider>()));
        services.AddSingleton(sp => LoadTaxonomy(sp.GetRequiredService<IOptions<ThemeTaxonomyOptions>>().Value.Path));
        services.AddSingleton(sp => new DocumentSummarizer(sp.GetRequiredService<ThemeTaxonomy>(), sp.GetRequiredService<IOptions<SummarizerOptions>>().Value));
        services.AddSingleton<SubscriberTokens>();
        services.AddSingleton<SubscriberLinks>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestContentCollector>();

        services.AddSingleton<IngestDocumentHandler>();
        services.AddSingleton<RemoveDocumentHandler>();
        services.AddSingleton<SummarizeDocumentHandler>();
        services.AddSingleton<ProviderOutage>();
        services.AddSingleton(Enricher);
        services.AddSingleton<DigestWriter>();
        services.AddSingleton<DigestPreview>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton<DueIndexRepair>();
        services.AddSingleton<SendDigestHandler>();
        services.AddSingleton<PlanDigestsHandler>();
        services.AddSingleton<UnsubscribeHandler>();
        services.AddSingleton<ViewDigestHandler>();
        services.AddSingleton<SourcePageHandler>();
        services.AddSingleton<SubscriptionMail>();
        services.AddSingleton<ConfirmationRateLimiter>();
        services.AddSingleton<SubscribeHandler>();
        services.AddSingleton<ConfirmHandler>();
        services.AddSingleton<PreferencesHandler>();
        services.AddSingleton<RepairHandler>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<PlanDigestsHandler>());
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<RepairHandler>());
        services.AddSingleton<WebFetcher>();
        services.AddSingleton<RobotsCache>();
        services.AddSingleton<SourcePoller>();
        services.AddSingleton<PollSourcesHandler>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<PollSourcesHandler>());
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton<ApiUploadHandler>();
        services.AddSingleton<UploadStateHandler>();
        // Registered with or without a mailbox: off (Newsletters:Host unset), a run does nothing and never connects.
        services.AddSingleton<ReadNewslettersHandler>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<ReadNewslettersHandler>());
        return services;
    }

    /// <summary>The handlers' spans and metrics (the trigger hosts record queue latency on it too); one per host.</summary>
    public static IServiceCollection AddPipelineTelemetry(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new PipelineTelemetry(sp.GetService<IMeterFactory>()));
        return services;
    }

    /// <summary>
    /// Translation and leads when a host registered a chat client (only when <see cref="TranslationOptions.Endpoint"/> is
    /// set); otherwise <see cref="DigestEnricher.None"/>, which sends nothing anywhere and never touches the cache.
    /// </summary>
    private static DigestEnricher Enricher(IServiceProvider services)
    {
        if (services.GetService<IChatClient>() is not { } chat)
            return DigestEnricher.None;
        var cache = services.GetRequiredService<ITranslationCache>();
        var options = services.GetRequiredService<IOptions<TranslationOptions>>();
        var time = services.GetRequiredService<TimeProvider>();
        return new DigestEnricher(
            new SentenceTranslator(chat, cache, options, time),
            options.Value.Leads ? new LeadWriter(chat, cache, options, time) : null,
            services.GetRequiredService<ProviderOutage>(),
            options,
            time,
            services.GetRequiredService<PipelineTelemetry>(),
            services.GetRequiredService<ILogger<DigestEnricher>>());
    }

    private static ThemeTaxonomy LoadTaxonomy(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new FileNotFoundException($"The theme taxonomy '{fullPath}' does not exist; set Themes:Path.", fullPath);
        using var stream = File.OpenRead(fullPath);
        try
        {
            return ThemeTaxonomy.Load(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"The theme taxonomy '{fullPath}' is invalid: {e.Message}", e);
        }
    }
}
