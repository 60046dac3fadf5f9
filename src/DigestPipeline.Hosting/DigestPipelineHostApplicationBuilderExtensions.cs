using DigestPipeline.Azure;
using DigestPipeline.Hosting.Telemetry;
using DigestPipeline.Hosting.Translation;
using DigestPipeline.Mail;
using DigestPipeline.Web;
using DigestPipeline.Web.Console;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace DigestPipeline.Hosting;

public static class DigestPipelineHostApplicationBuilderExtensions
{
    /// <summary>
    /// What every host of the pipeline registers, the Functions app and the <c>digest</c> command alike: Core's
    /// domain and handlers with the storage adapters (<see cref="DigestPipelineServiceCollectionExtensions.AddDigestPipeline"/>),
    /// the mail sender (<see cref="MailServiceCollectionExtensions.AddDigestMail"/>), telemetry
    /// (<see cref="TelemetryServiceCollectionExtensions.AddDigestTelemetry"/>), the optional translation provider
    /// (<see cref="TranslationServiceCollectionExtensions.AddDigestTranslation"/>: nothing without <c>Translation:Endpoint</c>), the upload
    /// API's access check and options (<see cref="DocumentApiServiceCollectionExtensions.AddDocumentApi"/>), the operator console
    /// (<see cref="ConsoleServiceCollectionExtensions.AddConsole"/>) and the token-safe log filters
    /// (<see cref="TokenSafeLogging"/>). A host adds its triggers (the Functions app's own, or the local host's).
    /// </summary>
    /// <param name="whenExportingToApplicationInsights">See <see cref="TelemetryServiceCollectionExtensions.AddDigestTelemetry"/>.</param>
    public static TBuilder AddDigestPipeline<TBuilder>(this TBuilder builder, Action<IOpenTelemetryBuilder>? whenExportingToApplicationInsights = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddDigestPipeline(builder.Configuration);
        builder.Services.AddDigestMail(builder.Configuration);
        builder.Services.AddDigestTranslation(builder.Configuration);
        builder.Services.AddDigestTelemetry(builder.Configuration, whenExportingToApplicationInsights);
        builder.Services.AddDocumentApi();
        builder.Services.AddConsole();
        builder.Logging.AddTokenSafeFilters();
        return builder;
    }
}
