using System.Net;
using AngleSharp.Html.Dom;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Poison;
using DigestPipeline.IntegrationTests.Web;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.OperatorConsole;

/// <summary>
/// The console's operations page on a real host (Kestrel, Azurite), as a logged-in operator sees it. The host runs no
/// queue listener, so a message replayed to its work queue stays there for the test to find.
/// </summary>
public sealed class Operations_in_the_console(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private SubscriberPagesHost _host = null!;
    private ConsoleBrowser _browser = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await SubscriberPagesHost.StartAsync(azurite, Cancellation);
        _browser = await ConsoleBrowser.LogInAsync(_host, Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_poisoned_message_is_shown_with_its_error_and_its_replay_form_sends_it_back_to_its_queue()
    {
        const string original = "{\"schemaVersion\":1,\"documentId\":\"console-replay\"}";
        var poison = azurite.RawQueue(StorageNames.PoisonQueue(StorageNames.SummarizeQueue));
        var work = azurite.RawQueue(StorageNames.SummarizeQueue);
        // What the local host's queue endpoint writes after the last attempt: the envelope, with the error.
        var envelope = PoisonMessage.For(StorageNames.SummarizeQueue, new InvalidDataException("no summaries for <b>console-replay</b>"), 5, DateTimeOffset.UtcNow, original);
        var id = (await poison.SendMessageAsync(Base64Text.Encode(PipelineJson.Serialize(envelope)), Cancellation)).Value.MessageId;

        var page = await _browser.PageAsync("/console/operations", Cancellation);
        var row = page.QuerySelector($"tr[data-message-id='{id}']").ShouldNotBeNull();
        row.QuerySelector("[data-error]")!.TextContent.ShouldBe("System.IO.InvalidDataException: no summaries for <b>console-replay</b>");
        row.QuerySelectorAll("b").ShouldBeEmpty("the error is text, not markup");
        row.TextContent.ShouldContain("console-replay");
        var form = row.QuerySelector("form[action='/console/operations/replay']").ShouldNotBeNull();
        page.QuerySelector("[data-no-poison]").ShouldBeNull();

        var replay = await _browser.PostAsync("/console/operations/replay", page, Fields(form), Cancellation);

        replay.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var after = await _browser.PageAsync(replay.Headers.Location!.OriginalString, Cancellation);
        after.QuerySelector("[data-replay-outcome]")!.TextContent.ShouldBe("1 message(s) sent back to summarize.");
        after.QuerySelector($"tr[data-message-id='{id}']").ShouldBeNull();
        after.QuerySelector("[data-no-poison]").ShouldNotBeNull();
        (await poison.PeekMessagesAsync(32, Cancellation)).Value.ShouldBeEmpty();
        (await work.PeekMessagesAsync(32, Cancellation)).Value.Select(m => Base64Text.Decode(m.MessageText)).ShouldBe([original]);
        await work.ClearMessagesAsync(Cancellation);
    }

    [Fact]
    public async Task A_replay_of_a_message_no_longer_there_is_refused_with_its_reason_and_moves_nothing()
    {
        var poison = azurite.RawQueue(StorageNames.PoisonQueue(StorageNames.DigestQueue));
        await poison.SendMessageAsync(Base64Text.Encode("{\"schemaVersion\":1,\"requests\":[]}"), Cancellation);
        var page = await _browser.PageAsync("/console/operations", Cancellation);

        var missing = await _browser.PostAsync("/console/operations/replay", page, [new("queue", "digest"), new("id", "no-such-id")], Cancellation);
        var unknown = await _browser.PostAsync("/console/operations/replay", page, [new("queue", "Not A Queue"), new("all", "true")], Cancellation);

        (await _browser.PageAsync(missing.Headers.Location!.OriginalString, Cancellation)).QuerySelector("[data-replay-outcome]")!.TextContent
            .ShouldStartWith("Nothing was replayed: the message is no longer in digest-poison");
        (await _browser.PageAsync(unknown.Headers.Location!.OriginalString, Cancellation)).QuerySelector("[data-replay-outcome]")!.TextContent
            .ShouldBe("Nothing was replayed: there is no such poison queue.");
        (await poison.GetPropertiesAsync(Cancellation)).Value.ApproximateMessagesCount.ShouldBe(1);
        await poison.ClearMessagesAsync(Cancellation);
    }

    [Fact]
    public async Task The_depths_shown_are_the_queues_depths()
    {
        var ingest = azurite.RawQueue(StorageNames.IngestQueue);
        var ingestPoison = azurite.RawQueue(StorageNames.PoisonQueue(StorageNames.IngestQueue));
        for (var i = 0; i < 3; i++)
            await ingest.SendMessageAsync(Base64Text.Encode("{}"), Cancellation);
        await ingestPoison.SendMessageAsync(Base64Text.Encode("{}"), Cancellation);

        var page = await _browser.PageAsync("/console/operations", Cancellation);

        foreach (var queue in StorageNames.Queues.SelectMany(q => new[] { q, StorageNames.PoisonQueue(q) }))
            Depth(page, queue).ShouldBe((await azurite.RawQueue(queue).GetPropertiesAsync(Cancellation)).Value.ApproximateMessagesCount, queue);
        Depth(page, StorageNames.IngestQueue).ShouldBe(3);
        Depth(page, StorageNames.PoisonQueue(StorageNames.IngestQueue)).ShouldBe(1);
        await ingest.ClearMessagesAsync(Cancellation);
        await ingestPoison.ClearMessagesAsync(Cancellation);
    }

    [Fact]
    public async Task A_poison_queue_not_created_yet_shows_as_empty()
    {
        // In Azure the Functions host creates a poison queue when it first poisons a message.
        var digestPoison = azurite.RawQueue(StorageNames.PoisonQueue(StorageNames.DigestQueue));
        await digestPoison.DeleteIfExistsAsync(Cancellation);

        var page = await _browser.PageAsync("/console/operations", Cancellation);

        Depth(page, StorageNames.PoisonQueue(StorageNames.DigestQueue)).ShouldBe(0);
        page.QuerySelector("[data-no-poison]").ShouldNotBeNull();
        await digestPoison.CreateIfNotExistsAsync(cancellationToken: Cancellation);
    }

    [Fact]
    public async Task A_loop_failure_the_host_recorded_is_shown_with_its_error()
    {
        (await _browser.PageAsync("/console/operations", Cancellation)).QuerySelector("tr[data-loop='console-test-loop']").ShouldBeNull();

        _host.Get<HostHealth>().Failed("console-test-loop", new IOException("disk <full>"), TimeSpan.FromSeconds(5));

        var page = await _browser.PageAsync("/console/operations", Cancellation);
        var loop = page.QuerySelector("tr[data-loop='console-test-loop']").ShouldNotBeNull();
        loop.QuerySelector("[data-error]")!.TextContent.ShouldBe("IOException: disk <full>");
        loop.TextContent.ShouldContain("no");
        page.QuerySelector("[data-ready]")!.GetAttribute("data-ready").ShouldBe("false");
    }

    private static int Depth(IHtmlDocument page, string queue) =>
        int.Parse(page.QuerySelector($"tr[data-queue='{queue}'] td[data-depth]").ShouldNotBeNull().TextContent, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The hidden fields of a form, but its form token (the browser adds the page's).</summary>
    private static List<KeyValuePair<string, string>> Fields(AngleSharp.Dom.IElement form) =>
        form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") != "_csrf")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
}
