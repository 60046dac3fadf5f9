using Azure.Storage.Queues;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.IntegrationTests.Api;
using DigestPipeline.IntegrationTests.EndToEnd;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.Web.Console;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Browser;

/// <summary>
/// An operator's morning at the console in Debian's chromium, on a host serving it as <c>digest up</c> does (Kestrel
/// on 127.0.0.1, real Azurite) with the pipeline's triggers running: log in with the one-time link, upload three files
/// through the form (its script sends them one by one, with progress), watch them reach Summarized, open one and its
/// highlighted summary, preview a subscriber's digest, replay a poisoned message. Then every console page at 375 and
/// 1280 px, light and dark, without horizontal scroll, and no serious or critical axe-core violation
/// (<c>screenshots/console/axe.md</c>).
/// </summary>
public sealed class Console_journey_in_chromium(AzuriteFixture azurite, ChromiumFixture chromium)
    : IClassFixture<AzuriteFixture>, IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private static readonly string[] Seeds =
    [
        "fr-tech-basel-ai-summit-miami.txt",
        "en-hospitals-and-grid-operators-brace-for-ai.txt",
        "en-city-council-digital-committee-notes.md",
    ];

    private DocumentApiHost _host = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await DocumentApiHost.StartAsync(azurite, Cancellation);
        await _host.StartPipelineAsync(Cancellation);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private string Site => _host.Pages.Addresses[0].TrimEnd('/');

    [Fact]
    public async Task An_operator_logs_in_uploads_three_files_sees_them_summarized_opens_one_previews_a_digest_and_replays_a_poisoned_message()
    {
        var reader = await _host.Pages.SubscribeAsync("camille@example.org", ["energy-compute", "health", "work-skills"], "fr", Cancellation);
        var poison = new QueueClient(azurite.ConnectionString, StorageNames.PoisonQueue(StorageNames.Queues[0]));
        await poison.CreateIfNotExistsAsync(cancellationToken: Cancellation);
        var poisoned = (await poison.SendMessageAsync("{\"not\":\"an event\"}", Cancellation)).Value.MessageId;
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // Log in: the link lands on the documents page.
        await page.GotoAsync(LoginLink());
        page.Url.ShouldBe($"{Site}/console/documents");

        // Upload three files through the form.
        await page.GotoAsync($"{Site}/console/upload");
        await page.Locator("input[type=file][name=files]").SetInputFilesAsync(Seeds.Select(SeedPath));
        await page.Locator("form[action='/console/upload'] button[type=submit]").ClickAsync();
        var outcomes = page.Locator("li[data-outcome]");
        await outcomes.Nth(Seeds.Length - 1).WaitForAsync();
        (await outcomes.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.outcome)")).ShouldAllBe(o => o == "accepted");

        // Watch them reach Summarized.
        await RunningPipeline.EventuallyAsync(async () =>
        {
            await page.GotoAsync($"{Site}/console/documents");
            var states = await page.Locator("tr[data-document-id] td[data-state]").AllInnerTextsAsync();
            return states.Count(s => s.Contains("Summarized", StringComparison.Ordinal)) == Seeds.Length ? "done" : null;
        }, "the three uploads summarized on the documents page", Cancellation, TimeSpan.FromMinutes(2));

        // Open the French article: its summary highlighted in its text.
        await page.Locator("tr[data-document-id]").Filter(new() { HasText = "Miami" }).Locator("a").First.ClickAsync();
        (await page.Locator("mark").CountAsync()).ShouldBeGreaterThan(0, "the summary's sentences are highlighted");
        var documentUrl = page.Url;

        // Preview the subscriber's digest, as it would be sent.
        await page.GotoAsync($"{Site}/console/subscribers");
        await page.Locator($"tr[data-subscriber-id='{reader.Id}'] a").First.ClickAsync();
        await page.Locator("main a[href$='/preview']").First.ClickAsync();
        (await page.Locator("[data-subject]").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        var previewUrl = page.Url;

        // Replay the poisoned message.
        await page.GotoAsync($"{Site}/console/operations");
        var row = page.Locator($"tr[data-message-id='{poisoned}']");
        await row.Locator("form[action='/console/operations/replay'] button").ClickAsync();
        (await page.Locator($"tr[data-message-id='{poisoned}']").CountAsync()).ShouldBe(0, "the replayed message left the poison queue");

        await EveryPageFitsAndPassesAxeAsync(
        [
            ("documents", "/console/documents"),
            ("document", new Uri(documentUrl).PathAndQuery),
            ("upload", "/console/upload"),
            ("themes", "/console/themes"),
            ("subscribers", "/console/subscribers"),
            ("subscriber", $"/console/subscribers/{Uri.EscapeDataString(reader.Id)}"),
            ("preview", new Uri(previewUrl).PathAndQuery),
            ("operations", "/console/operations"),
        ]);
    }

    /// <summary>Each page in a fresh browser, logged in by a link of its own (<see cref="PageShots"/>).</summary>
    private async Task EveryPageFitsAndPassesAxeAsync(IReadOnlyList<(string Name, string Path)> pages)
    {
        var shots = new PageShots(chromium.Browser, "console");
        foreach (var (name, path) in pages)
        {
            await shots.TakeAsync(name, async p =>
            {
                await p.GotoAsync(LoginLink());
                (await p.GotoAsync(Site + path)).ShouldNotBeNull().Status.ShouldBe(200, path);
            });
        }

        TestContext.Current.SendDiagnosticMessage(await shots.WriteReportAsync(Cancellation));
        shots.Serious.ShouldBeEmpty();
    }

    private string LoginLink() => _host.Pages.Get<ConsoleApp>().LoginLink(Site);

    private static string SeedPath(string name) => Path.Combine(AppContext.BaseDirectory, "seeds", "documents", name);
}
