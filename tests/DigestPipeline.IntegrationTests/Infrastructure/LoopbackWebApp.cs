using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A Kestrel app on 127.0.0.1 at a free port, without logging: the servers the tests run in place of remote ones (a
/// feed site, an AI provider, Application Insights' ingestion).
/// </summary>
public static class LoopbackWebApp
{
    /// <summary>The app, to map its endpoints on before <c>StartAsync</c>.</summary>
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    /// <summary>The started app's address, <c>http://127.0.0.1:port</c>.</summary>
    public static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
