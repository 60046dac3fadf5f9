using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Sources;
using Shouldly;
using Xunit;
using static DigestPipeline.IntegrationTests.Sources.FeedContent;

namespace DigestPipeline.IntegrationTests.Cli;

/// <summary>
/// <c>digest source add|list|run|remove</c>, <c>digest status</c> and <c>digest upload https://…</c> as a user runs
/// them, on Azurite and the loopback <see cref="FeedServer"/>: a feed added once however often, polled with its
/// outcome and cost printed, a malformed feed's reason shown by <c>source list</c> and <c>status</c>, a feed removed.
/// </summary>
public sealed class Digest_source_commands_declare_poll_and_report_feeds(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private FeedServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FeedServer.StartAsync(TestContext.Current.CancellationToken);
        _server.Serve("/robots.txt", "text/plain", "User-agent: *\nDisallow:\n");
        _server.Serve("/article", "text/html", Article("Grid plan", Story("the grid plan")));
        _server.Serve("/good.xml", "application/rss+xml", Rss(new Item("cli-1", _server.Url("/article").AbsoluteUri, "Grid plan")));
        _server.Serve("/bad.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>cut");
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Task<(int ExitCode, string Output, string Errors)> Digest(params string[] arguments) =>
        DigestCommand.RunAsync(new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Subscriptions__TokenSecret"] = EndToEnd.RunningPipeline.TokenSecret,
            ["Sources__AllowPrivateAddresses"] = "true",
        }, arguments);

    [Fact]
    public async Task Feeds_are_added_once_polled_reported_and_removed()
    {
        var good = _server.Url("/good.xml").AbsoluteUri;
        (await Digest("source", "add", good, "--every", "15m", "--name", "good")).Output.ShouldContain("Added good");
        (await Digest("source", "add", good)).Output.ShouldContain("Already there: good");
        (await Digest("source", "add", _server.Url("/bad.xml").AbsoluteUri, "--name", "bad")).ExitCode.ShouldBe(0);
        (await Digest("source", "add", good, "--every", "10s")).ExitCode.ShouldBe(2, "shorter than a minute");

        var run = await Digest("source", "run", "--now");

        run.ExitCode.ShouldBe(1, "one feed failed");
        run.Output.ShouldContain("good: 1 new or updated item(s)");
        run.Output.ShouldContain("bad: failed: not a readable RSS, Atom or JSON feed");
        (await Digest("source", "run")).Output.ShouldContain("No source is due");
        var list = await Digest("source", "list");
        list.Output.ShouldContain("not a readable RSS");
        list.Output.ShouldContain("1 in a row");
        (await Digest("status")).Output.ShouldContain("not a readable RSS");

        (await Digest("source", "remove", "bad")).Output.ShouldContain("Removed bad");
        (await Digest("source", "list")).Output.ShouldNotContain("not a readable RSS");
        var upload = await Digest("upload", _server.Url("/article").AbsoluteUri);
        upload.ExitCode.ShouldBe(0, upload.Output + upload.Errors);
        upload.Output.ShouldContain("\"Grid plan\" uploaded as web/");
    }
}
