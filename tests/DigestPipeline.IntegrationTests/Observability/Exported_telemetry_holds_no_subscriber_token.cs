using System.Diagnostics;
using System.Net;
using Azure.Monitor.OpenTelemetry.Exporter;
using DigestPipeline.Hosting.Telemetry;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Observability;

/// <summary>
/// What the exporters receive from a host registered as <c>digest up</c> registers its telemetry
/// (<c>AddDigestTelemetry</c> + the subscriber pages' request spans): the spans and log records as an in-memory
/// exporter placed after it sees them, and the items the Azure Monitor exporter posts to a stand-in ingestion
/// endpoint. Subscriber pages are requested with real tokens and a link is logged; no token value may be left.
/// </summary>
public sealed class Exported_telemetry_holds_no_subscriber_token(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Redacted = "token=" + SubscriberTokenRedaction.Marker;
    private static readonly ActivitySource ClientCalls = new("DigestPipeline.Tests.ClientCalls");

    private readonly List<Activity> _spans = [];
    private readonly List<LogRecord> _logs = [];
    private LoopbackIngestion _ingestion = null!;
    private SubscriberPagesHost _pages = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _ingestion = await LoopbackIngestion.StartAsync(Cancellation);
        _pages = await SubscriberPagesHost.StartAsync(azurite, Cancellation, extraSettings: new Dictionary<string, string?>
        {
            [TelemetryOptions.ApplicationInsightsKey] = _ingestion.ConnectionString,
            // OpenTelemetry's ASP.NET Core instrumentation redacts every query value by default; turned off here, the
            // request spans hold the raw query, so that what redacts it in this test can only be our processor.
            ["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION"] = "true",
        }, configure: (services, configuration) =>
        {
            services.AddDigestTelemetry(configuration);
            // Every span kept: the exporter's default sampler keeps 5 traces a second, and the requests come faster.
            services.Configure<AzureMonitorExporterOptions>(exporter =>
            {
                exporter.TracesPerSecond = null;
                exporter.SamplingRatio = 1.0f;
            });
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(ClientCalls.Name).AddInMemoryExporter(_spans));
            services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(_logs));
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _ingestion.DisposeAsync();
    }

    [Fact]
    public async Task Page_requests_and_a_logged_link_reach_the_exporters_with_their_tokens_redacted()
    {
        var subscriber = await _pages.SubscribeAsync($"telemetry-{Guid.NewGuid():N}@example.org", ["health"], "en", Cancellation);
        var links = _pages.Get<SubscriberLinks>();
        var now = DateTimeOffset.UtcNow;
        var pages = new[]
        {
            new Uri(links.Preferences(subscriber.Id, now)),
            new Uri(links.Unsubscribe(subscriber.Id, now)),
            new Uri(links.ViewDigest(subscriber.Id, subscriber.Id + "-2026-01-05", now)),
        };
        foreach (var page in pages)
            (await _pages.Http.GetAsync(page.PathAndQuery, Cancellation)).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.NotFound);

        var logger = _pages.Get<ILogger<Exported_telemetry_holds_no_subscriber_token>>();
        var logged = new Uri(links.Confirm(subscriber.Id, now));
        var marker = Guid.NewGuid().ToString("N");
        logger.LogWarning("Link {Link} sent ({Marker})", logged, marker);
        // Not a template: the message itself holds the URL, and so does the record's body (what CA2254 warns of, on purpose).
#pragma warning disable CA2254
        logger.LogWarning($"Confirmation link {logged} ({marker})");
#pragma warning restore CA2254

        var port = _pages.Http.BaseAddress!.Port;
        // A request's span ends just after its answer is sent, so the last one may still be open when the answer is read.
        var requests = await RunningPipeline.EventuallyAsync(() =>
        {
            Flush();
            var ended = _spans.Where(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("server.port"), port)).ToList();
            return Task.FromResult(ended.Count >= pages.Length ? ended : null);
        }, "the pages' request spans", Cancellation, TimeSpan.FromSeconds(10));

        var tokens = pages.Append(logged).Select(TokenOf).ToList();
        // The capture saw the requests with their query, which only the processor changed.
        requests.Select(s => (string?)s.GetTagItem("url.path")).ShouldBe(pages.Select(p => p.AbsolutePath), ignoreOrder: true);
        requests.ShouldAllBe(s => (string?)s.GetTagItem("url.query") == "?" + Redacted);
        var lines = _logs.Where(r => r.FormattedMessage != null && r.FormattedMessage.Contains(marker)).ToList();
        lines.Count.ShouldBe(2);
        lines.ShouldAllBe(r => r.FormattedMessage!.Contains(Redacted));
        lines.Single(r => r.Attributes!.Any(a => a.Key == "Link")).Attributes!.Single(a => a.Key == "Link").Value.ShouldBe(logged.ToString().Replace(TokenOf(logged), SubscriberTokenRedaction.Marker));
        lines.Single(r => r.Body!.Contains(marker)).Body!.ShouldContain(Redacted);

        foreach (var token in tokens)
        {
            foreach (var span in _spans)
                SpanText(span).ShouldNotContain(token, customMessage: span.DisplayName);
            foreach (var record in _logs)
                LogText(record).ShouldNotContain(token, customMessage: record.CategoryName);
            foreach (var item in _ingestion.Items)
                item.ShouldNotContain(token);
        }

        // Application Insights receives the same: the requests' URLs and each log line, once, redacted.
        // Only this test's pages: spans of other tests running at the same time in this process (a queue handler's
        // consumer span is a Request without a URL) reach this exporter too.
        var ingestedRequests = _ingestion.ItemsOf("Request")
            .Select(i => i.GetProperty("data").GetProperty("baseData").TryGetProperty("url", out var url) ? url.GetString() : null)
            .OfType<string>().Where(url => new Uri(url).Port == port).ToList();
        ingestedRequests.Count.ShouldBe(pages.Length);
        ingestedRequests.ShouldAllBe(url => url.EndsWith("?" + Redacted));
        var ingestedLines = _ingestion.ItemsOf("Message").Where(i => i.GetRawText().Contains(marker)).ToList();
        ingestedLines.Count.ShouldBe(2, "each log line is exported once");
        ingestedLines.ShouldAllBe(i => i.GetRawText().Contains(Redacted));
    }

    [Fact]
    public void Client_spans_lose_the_token_of_every_url_tag_and_of_their_name()
    {
        var token = "Ab3_" + Guid.NewGuid().ToString("N");
        var url = $"https://digest.example.test/preferences?token={token}&lang=fr";
        // A fixed operation name, as instrumentations give (it cannot be changed once the span exists); the URL in the
        // display name, as some give it.
        using (var call = ClientCalls.StartActivity("HttpRequestOut", ActivityKind.Client).ShouldNotBeNull())
        {
            call.DisplayName = "GET " + url;
            // The names an HttpClient or Azure SDK span has carried for its URL, old and new conventions.
            call.SetTag("url.full", url);
            call.SetTag("http.url", url);
            call.SetTag("http.target", "/preferences?token=" + token);
            call.SetTag("az.request.links", new[] { url, "https://digest.example.test/subscribe" });
            call.SetTag("server.address", "digest.example.test");
            call.SetStatus(ActivityStatusCode.Error, "404 for " + url);
        }

        Flush();

        var span = _spans.Single(s => s.Source == ClientCalls && SpanText(s).Contains("digest.example.test/preferences"));
        SpanText(span).ShouldNotContain(token);
        span.DisplayName.ShouldBe("GET https://digest.example.test/preferences?" + Redacted + "&lang=fr");
        span.GetTagItem("url.full").ShouldBe($"https://digest.example.test/preferences?{Redacted}&lang=fr");
        span.GetTagItem("http.url").ShouldBe($"https://digest.example.test/preferences?{Redacted}&lang=fr");
        span.GetTagItem("http.target").ShouldBe("/preferences?" + Redacted);
        span.GetTagItem("az.request.links").ShouldBe(new[] { $"https://digest.example.test/preferences?{Redacted}&lang=fr", "https://digest.example.test/subscribe" });
        span.GetTagItem("server.address").ShouldBe("digest.example.test");
        span.StatusDescription.ShouldBe($"404 for https://digest.example.test/preferences?{Redacted}&lang=fr");
        _ingestion.ItemsOf("RemoteDependency").ShouldContain(i => i.GetRawText().Contains(Redacted) && i.GetRawText().Contains("digest.example.test"));
        _ingestion.Items.ShouldAllBe(item => !item.Contains(token));
    }

    private void Flush()
    {
        _pages.Get<TracerProvider>().ForceFlush().ShouldBeTrue();
        _pages.Get<LoggerProvider>().ForceFlush().ShouldBeTrue();
    }

    private static string TokenOf(Uri link) => System.Web.HttpUtility.ParseQueryString(link.Query)["token"].ShouldNotBeNull();

    /// <summary>Everything of a span an exporter could send: names, tags, status, events and their tags.</summary>
    private static string SpanText(Activity span) => string.Join(" | ",
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={Flatten(t.Value)}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}.{t.Key}={Flatten(t.Value)}"))));

    /// <summary>Everything of a log record an exporter could send but its scopes and exception: message, body, attributes.</summary>
    private static string LogText(LogRecord record) => string.Join(" | ",
        new[] { record.FormattedMessage ?? "", record.Body ?? "" }.Concat((record.Attributes ?? []).Select(a => $"{a.Key}={Flatten(a.Value)}")));

    private static string? Flatten(object? value) => value is string[] texts ? string.Join(",", texts) : value?.ToString();
}
