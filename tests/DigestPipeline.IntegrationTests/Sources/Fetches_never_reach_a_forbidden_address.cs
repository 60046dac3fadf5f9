using DigestPipeline.Core.Sources;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;
using static DigestPipeline.IntegrationTests.Sources.FeedContent;

namespace DigestPipeline.IntegrationTests.Sources;

/// <summary>
/// SSRF: with private addresses not allowed (the default), the loopback server itself is refused; allowed as a single
/// address (<c>Sources:AllowedAddresses</c>), its feed is read, but a redirect to the cloud metadata address, to
/// another loopback address or to another scheme is refused at the hop, redirects are capped, and nothing is sent to
/// the forbidden address (the check is on the address connected to, after resolution).
/// </summary>
public sealed class Fetches_never_reach_a_forbidden_address(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private FeedServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FeedServer.StartAsync(TestContext.Current.CancellationToken);
        _server.Serve("/robots.txt", "text/plain", "");
        _server.Serve("/rss.xml", "application/rss+xml", Rss(new Item("ssrf-1", "http://example.test/1", "One", "<p>Text.</p>")));
        _server.Redirect("/moved", "/rss.xml");
        _server.Redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        _server.Redirect("/to-other-loopback", $"http://127.0.0.2:{_server.BaseUrl.Port}/rss.xml");
        _server.Redirect("/to-name", $"http://localhost:{_server.BaseUrl.Port}/rss.xml");
        _server.Redirect("/to-file", "file:///etc/passwd");
        _server.Redirect("/loop", "/loop");
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Task<FetchResult> FetchAsync(string path, IReadOnlyDictionary<string, string?> settings) => FetchAsync(_server.Url(path), settings);

    private static async Task<FetchResult> FetchAsync(Uri url, IReadOnlyDictionary<string, string?> settings)
    {
        using var fetcher = new WebFetcher(Options.Create(SourceOptionsFrom(settings)));
        return await fetcher.FetchAsync(url, FetchKind.Feed, cancellationToken: TestContext.Current.CancellationToken);
    }

    private static SourceOptions SourceOptionsFrom(IReadOnlyDictionary<string, string?> settings)
    {
        var options = new SourceOptions { AllowPrivateAddresses = settings.GetValueOrDefault("Sources:AllowPrivateAddresses") == "true", MaxRedirects = 3 };
        if (settings.GetValueOrDefault("Sources:AllowedAddresses:0") is { } allowed)
            options.AllowedAddresses.Add(allowed);
        return options;
    }

    private static readonly Dictionary<string, string?> Default = new() { ["Sources:AllowPrivateAddresses"] = "false" };
    private static readonly Dictionary<string, string?> OnlyThisServer = new() { ["Sources:AllowPrivateAddresses"] = "false", ["Sources:AllowedAddresses:0"] = "127.0.0.1" };

    [Fact]
    public async Task By_default_a_loopback_server_is_refused_before_any_request_reaches_it()
    {
        var result = await FetchAsync("/rss.xml", Default);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Problem.ShouldBe("127.0.0.1 is a loopback address (127.0.0.1): not fetched (Sources:AllowPrivateAddresses is off)");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_name_is_judged_by_the_addresses_it_resolves_to()
    {
        var result = await FetchAsync(new Uri($"http://localhost:{_server.BaseUrl.Port}/rss.xml"), Default);

        result.Problem.ShouldNotBeNull().ShouldStartWith("localhost is a loopback address");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_poller_built_from_configuration_refuses_it_too_and_records_why()
    {
        await using var sources = await SourcesUnderTest.StartAsync(azurite, Default);
        var source = await sources.AddAsync(_server.Url("/rss.xml"));

        var report = await sources.PollAsync(source);

        report.Problem.ShouldBe("127.0.0.1 is a loopback address (127.0.0.1): not fetched (Sources:AllowPrivateAddresses is off)");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_allowed_address_is_fetched_and_a_redirect_on_it_followed()
    {
        var result = await FetchAsync("/moved", OnlyThisServer);

        result.Status.ShouldBe(FetchStatus.Ok);
        result.FinalUrl.ShouldBe(_server.Url("/rss.xml"));
        result.Requests.ShouldBe(2);
    }

    [Theory]
    [InlineData("/to-metadata", "169.254.169.254 is a link-local address")]
    [InlineData("/to-other-loopback", "127.0.0.2 is a loopback address")]
    [InlineData("/to-file", "only http and https are fetched, not 'file:'")]
    [InlineData("/loop", "more than 3 redirects")]
    public async Task A_redirect_to_a_forbidden_place_is_refused_at_the_hop(string path, string reason)
    {
        var result = await FetchAsync(path, OnlyThisServer);

        result.Status.ShouldBe(FetchStatus.Failed);
        result.Problem.ShouldNotBeNull().ShouldStartWith(reason);
        _server.Requests.ShouldNotContain(r => r.Path == "/rss.xml", "the forbidden hop was never made");
    }
}
