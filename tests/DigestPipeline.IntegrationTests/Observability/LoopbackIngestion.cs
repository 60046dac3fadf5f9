using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigestPipeline.IntegrationTests.Observability;

/// <summary>
/// Stands in for Application Insights' ingestion endpoint on 127.0.0.1: the Azure Monitor exporter posts its
/// telemetry items here (gzip, one JSON item a line) and each is kept as received, so a test reads what the log
/// workspace would store. <see cref="ConnectionString"/> points the exporter's ingestion and Live Metrics here, so
/// that nothing leaves the machine.
/// </summary>
public sealed class LoopbackIngestion : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _items = new();

    private LoopbackIngestion(WebApplication app) => _app = app;

    /// <summary>The items posted so far, each the JSON text of one telemetry item.</summary>
    public IReadOnlyList<string> Items => _items.ToList();

    public string ConnectionString { get; private set; } = "";

    public static async Task<LoopbackIngestion> StartAsync(CancellationToken cancellationToken)
    {
        // The exporter's own usage statistics go to Microsoft's endpoints, whatever the connection string says.
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");
        var app = LoopbackWebApp.Create();
        var ingestion = new LoopbackIngestion(app);
        app.MapPost("/v2.1/track", ingestion.TrackAsync);
        // Live Metrics pings; answering without subscribing keeps it idle.
        app.MapPost("/QuickPulseService.svc/{**rest}", () => Results.Ok());
        await app.StartAsync(cancellationToken);
        var address = LoopbackWebApp.AddressOf(app);
        ingestion.ConnectionString = $"InstrumentationKey={Guid.NewGuid()};IngestionEndpoint={address}/;LiveEndpoint={address}/";
        return ingestion;
    }

    /// <summary>The items of one type (<c>Message</c> for a log record, <c>Request</c>, <c>RemoteDependency</c>).</summary>
    public IReadOnlyList<JsonElement> ItemsOf(string baseType) =>
        Items.Select(item => JsonDocument.Parse(item).RootElement)
            .Where(item => item.TryGetProperty("data", out var data) && data.GetProperty("baseType").GetString() == baseType + "Data")
            .ToList();

    private async Task<IResult> TrackAsync(HttpRequest request)
    {
        Stream body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        using var reader = new StreamReader(body);
        var received = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
                continue;
            _items.Enqueue(line);
            received++;
        }

        return Results.Json(new { itemsReceived = received, itemsAccepted = received, errors = Array.Empty<object>() });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
