using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Themes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Web;

/// <summary>
/// Kestrel inside the local host (<c>digest up</c>), serving <see cref="SubscriberPageEndpoints"/> on
/// <see cref="WebOptions.Urls"/>, with <c>/healthz</c> and <c>/readyz</c> (<see cref="HealthEndpoints"/>). Its own small web application, whose handlers are the host's own instances, so
/// that the host itself stays a plain generic host.
/// </summary>
public sealed class SubscriberWebServer(IServiceProvider hostServices, IOptions<WebOptions> options, ILogger<SubscriberWebServer> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses Kestrel listens on once started (a port 0 in the settings is resolved here).</summary>
    public IReadOnlyList<string> Addresses =>
        _app?.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList()
        ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(options.Value.Urls);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<ILoggerFactory>(new FrameworkRequestLogging(hostServices.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton(hostServices.GetRequiredService<UnsubscribeHandler>());
        builder.Services.AddSingleton(hostServices.GetRequiredService<ViewDigestHandler>());
        builder.Services.AddSingleton(hostServices.GetRequiredService<SourcePageHandler>());
        builder.Services.AddSingleton(hostServices.GetRequiredService<SubscribeHandler>());
        builder.Services.AddSingleton(hostServices.GetRequiredService<ConfirmHandler>());
        builder.Services.AddSingleton(hostServices.GetRequiredService<PreferencesHandler>());
        builder.Services.AddSingleton(hostServices.GetRequiredService<ThemeTaxonomy>());
        var health = hostServices.GetRequiredService<HostHealth>();
        builder.Services.AddSingleton(health);

        var app = builder.Build();
        app.UseStorageOutagePage(health);
        app.UseRouting();
        app.MapHealthChecks();
        app.MapSubscriberPages();
        app.MapSubscribePages();
        app.MapPreferencesPages();
        await app.StartAsync(cancellationToken);
        _app = app;
        logger.LogInformation("Subscriber pages served on {Urls}", string.Join(", ", Addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
            await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        _app = null;
    }
}
