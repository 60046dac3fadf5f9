using System.Net;
using AngleSharp.Html.Dom;
using Azure.Storage.Blobs;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Summaries;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Web;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.OperatorConsole;

/// <summary>
/// The console's documents pages on a real host and Azurite: documents uploaded to <c>incoming</c> and run through the
/// real ingest and summarize handlers, or rows written straight to the Documents table where only the list is under
/// test. Tests share the class's Azurite, so each one names its documents with a tag of its own and searches for it.
/// The list's snapshot is switched off (<c>ListFreshFor</c> 0) except where the snapshot is what is tested.
/// </summary>
public sealed class Documents_in_the_console(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _tag = "t" + Guid.NewGuid().ToString("N")[..8];
    private SubscriberPagesHost _host = null!;
    private ConsoleBrowser _operator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await StartAsync("00:00:00");

    public async ValueTask DisposeAsync()
    {
        _operator.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_list_shows_each_document_with_its_state_language_themes_source_and_time()
    {
        var summarized = await IngestAsync($"{_tag}/hospitals.txt", Seed("en-hospitals-and-grid-operators-brace-for-ai.txt"), summarize: true);
        await WriteAsync(new DocumentRecord($"{_tag}-lonely", $"{_tag}/lonely.txt", DocumentStatus.Summarized, Noon, "en", $"{_tag} Lonely notes", Themes: [], NoTheme: true));

        var page = await _operator.PageAsync($"/console/documents?q={_tag}", Ct);

        var row = Row(page, summarized.Id);
        var cells = row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList();
        cells[0].ShouldBe("Hospitals and grid operators brace for the next wave of AI");
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe("/console/documents/" + summarized.Id);
        row.QuerySelector("td[data-state]")!.GetAttribute("data-state").ShouldBe("Summarized");
        cells[2].ShouldBe("en");
        row.QuerySelectorAll(".dp-chip").Select(c => c.TextContent).ShouldContain("Health");
        cells[4].ShouldBe($"{_tag}/hospitals.txt");
        cells[5].ShouldBe(summarized.UpdatedAt.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        Row(page, $"{_tag}-lonely").QuerySelectorAll("td")[2].TextContent.ShouldBe("no theme: not delivered");
        page.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-document-id")).ShouldBe([summarized.Id, $"{_tag}-lonely"], "newest first");
        page.QuerySelector("[role=status] strong")!.TextContent.ShouldBe("2 documents match");
    }

    [Fact]
    public async Task Each_filter_narrows_the_list_to_the_documents_that_match_it()
    {
        await WriteAsync(
            new DocumentRecord($"{_tag}-fr-health", $"{_tag}/a.txt", DocumentStatus.Summarized, Noon, "fr", "Santé", Themes: ["health"]),
            new DocumentRecord($"{_tag}-en-energy", $"{_tag}/b.txt", DocumentStatus.Summarized, Noon.AddMinutes(1), "en", "Grid", Themes: ["energy-compute", "health"]),
            new DocumentRecord($"{_tag}-de-none", $"{_tag}/c.txt", DocumentStatus.Summarized, Noon.AddMinutes(2), "de", "Nichts", Themes: [], NoTheme: true),
            new DocumentRecord($"{_tag}-ingested", $"{_tag}/d.txt", DocumentStatus.Ingested, Noon.AddMinutes(3), "en", "Waiting"),
            new DocumentRecord($"{_tag}-rejected", $"{_tag}/e.bin", DocumentStatus.Rejected, Noon.AddMinutes(4), Reason: "Binary content"));

        (await IdsAsync($"state=Rejected&q={_tag}")).ShouldBe([$"{_tag}-rejected"]);
        (await IdsAsync($"state=Ingested&q={_tag}")).ShouldBe([$"{_tag}-ingested"]);
        (await IdsAsync($"theme=health&q={_tag}")).ShouldBe([$"{_tag}-en-energy", $"{_tag}-fr-health"]);
        (await IdsAsync($"theme=energy-compute&q={_tag}")).ShouldBe([$"{_tag}-en-energy"]);
        (await IdsAsync($"theme=none&q={_tag}")).ShouldBe([$"{_tag}-de-none"]);
        (await IdsAsync($"language=fr&q={_tag}")).ShouldBe([$"{_tag}-fr-health"]);
        (await IdsAsync($"language=en&state=Summarized&q={_tag}")).ShouldBe([$"{_tag}-en-energy"]);

        var form = await _operator.PageAsync($"/console/documents?language=de&q={_tag}", Ct);
        form.QuerySelector("select[name=language] option[selected]")!.GetAttribute("value").ShouldBe("de");
        form.QuerySelectorAll("select[name=language] option").Select(o => o.GetAttribute("value")).ShouldBe(["", "de", "en", "fr"]);
        form.QuerySelectorAll("select[name=state] option").Select(o => o.GetAttribute("value")).ShouldBe(["", .. Enum.GetNames<DocumentStatus>()]);
        form.QuerySelectorAll("select[name=theme] option").Select(o => o.GetAttribute("value")).ShouldContain("energy-compute");
        form.QuerySelector("input[name=q]")!.GetAttribute("value").ShouldBe(_tag);
        form.QuerySelector("form[method=get]")!.GetAttribute("action").ShouldBe("/console/documents");
    }

    [Fact]
    public async Task The_search_matches_the_title_or_the_source_name_whatever_the_case_and_accents()
    {
        await WriteAsync(
            new DocumentRecord($"{_tag}-title", $"{_tag}/plain.txt", DocumentStatus.Summarized, Noon, "fr", "Réunion sur l’Énergie"),
            new DocumentRecord($"{_tag}-source", $"{_tag}/ENERGIE-notes.md", DocumentStatus.Summarized, Noon.AddMinutes(1), "fr", "Compte rendu"),
            new DocumentRecord($"{_tag}-other", $"{_tag}/other.md", DocumentStatus.Summarized, Noon.AddMinutes(2), "fr", "Santé"));

        (await IdsAsync("q=" + Uri.EscapeDataString($"{_tag} énergie"))).ShouldBeEmpty("the words are one phrase");
        (await IdsAsync("q=energie")).Where(id => id.StartsWith(_tag, StringComparison.Ordinal)).ShouldBe([$"{_tag}-source", $"{_tag}-title"]);
        (await IdsAsync("q=" + Uri.EscapeDataString("RÉUNION SUR L’ENERGIE"))).Where(id => id.StartsWith(_tag, StringComparison.Ordinal)).ShouldBe([$"{_tag}-title"]);
    }

    [Fact]
    public async Task The_list_shows_fifty_documents_a_page_newest_first_with_newer_and_older_links()
    {
        var records = Enumerable.Range(0, 120)
            .Select(i => new DocumentRecord($"{_tag}-{i:D3}", $"{_tag}/{i:D3}.txt", DocumentStatus.Summarized, Noon.AddMinutes(i), "en", $"Doc {i}"))
            .ToArray();
        await WriteAsync(records);

        var first = await _operator.PageAsync($"/console/documents?q={_tag}", Ct);
        var third = await _operator.PageAsync($"/console/documents?q={_tag}&page=3", Ct);

        first.QuerySelector("[role=status] strong")!.TextContent.ShouldBe("120 documents match");
        first.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-document-id")).ShouldBe(Enumerable.Range(70, 50).Reverse().Select(i => $"{_tag}-{i:D3}"));
        first.QuerySelector("a[rel=prev]").ShouldBeNull();
        var older = first.QuerySelector("a[rel=next]")!;
        older.TextContent.ShouldContain("Older");
        older.GetAttribute("href").ShouldBe($"/console/documents?q={_tag}&page=2");
        third.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-document-id")).ShouldBe(Enumerable.Range(0, 20).Reverse().Select(i => $"{_tag}-{i:D3}"));
        third.QuerySelector("a[rel=next]").ShouldBeNull();
        third.QuerySelector("a[rel=prev]")!.GetAttribute("href").ShouldBe($"/console/documents?q={_tag}&page=2");
    }

    [Fact]
    public async Task A_hostile_title_and_source_name_show_as_text_on_the_list_and_the_document_page()
    {
        const string title = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        await WriteAsync(new DocumentRecord($"{_tag}-xss", $"{_tag}/<b>bold</b>.txt", DocumentStatus.Rejected, Noon, Title: title, Reason: "<i>reason</i>"));

        var list = await _operator.PageAsync($"/console/documents?q={_tag}", Ct);
        var detail = await _operator.PageAsync($"/console/documents/{_tag}-xss", Ct);

        var row = Row(list, $"{_tag}-xss");
        row.QuerySelector("th a")!.TextContent.ShouldBe(title);
        row.QuerySelectorAll("td")[3].TextContent.ShouldBe($"{_tag}/<b>bold</b>.txt");
        row.QuerySelector(".dp-reason")!.TextContent.ShouldBe("<i>reason</i>");
        foreach (var page in new[] { list, detail })
        {
            page.QuerySelectorAll("script, img, b, i").ShouldBeEmpty();
        }

        detail.QuerySelector("h1")!.TextContent.ShouldBe(title);
        detail.QuerySelector("[data-reason]")!.TextContent.ShouldBe("<i>reason</i>");
    }

    [Fact]
    public async Task The_document_page_highlights_exactly_the_chosen_themes_summary_sentences()
    {
        var record = await IngestAsync($"{_tag}/hospitals.txt", Seed("en-hospitals-and-grid-operators-brace-for-ai.txt"), summarize: true);
        var document = (await _host.Get<IDocumentStore>().GetAsync(record.Id, Ct)).ShouldNotBeNull();
        var summaries = (await _host.Get<ISummaryStore>().GetAsync(record.Id, Ct)).ShouldNotBeNull();
        var health = summaries.Themes.Single(t => t.ThemeId == "health");

        var one = await _operator.PageAsync($"/console/documents/{record.Id}?theme=health", Ct);
        var all = await _operator.PageAsync($"/console/documents/{record.Id}", Ct);

        one.QuerySelector("h1")!.TextContent.ShouldBe(document.Title);
        one.QuerySelectorAll("article mark").Select(m => m.TextContent)
            .ShouldBe(health.Sentences.OrderBy(s => s.Start).Select(s => document.Text.Substring(s.Start, s.Length)));
        one.QuerySelector("article")!.TextContent.ShouldBe(document.Text);
        all.QuerySelectorAll("article mark").Length.ShouldBeGreaterThan(one.QuerySelectorAll("article mark").Length);
        all.QuerySelectorAll("article mark").Select(m => m.TextContent).ShouldContain(document.Text.Substring(health.Sentences[0].Start, health.Sentences[0].Length));

        var themes = all.QuerySelectorAll("section.dp-sample h3").Select(h => h.TextContent).ToList();
        themes.Count.ShouldBe(summaries.Themes.Count);
        themes.ShouldContain(t => t.StartsWith("Health", StringComparison.Ordinal));
        var section = all.QuerySelectorAll("section.dp-sample").Single(s => s.QuerySelector("h3")!.TextContent.StartsWith("Health", StringComparison.Ordinal));
        section.QuerySelectorAll(".dp-chip").Select(c => c.TextContent).ShouldBe(health.KeyPhrases);
        section.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/console/documents/{record.Id}?theme=health#text");
        all.QuerySelectorAll("ol.dp-sections li").Length.ShouldBe(document.Sections.Count);
        all.QuerySelector("ol.dp-sections")!.TextContent.ShouldContain("Clinical care: from pilots to daily practice");
        all.QuerySelector("form[action$='/remove']")!.Closest(".dp-danger").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_refused_upload_says_why_in_its_row_and_on_its_page_with_its_copy_in_quarantine()
    {
        var rejected = await IngestAsync($"{_tag}/image.bin", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0], summarize: false);
        rejected.Status.ShouldBe(DocumentStatus.Rejected);
        rejected.Reason.ShouldNotBeNullOrEmpty();

        var list = await _operator.PageAsync($"/console/documents?q={_tag}", Ct);
        var page = await _operator.PageAsync($"/console/documents/{rejected.Id}", Ct);

        var row = Row(list, rejected.Id);
        row.QuerySelector("th")!.TextContent.ShouldBe($"{_tag}/image.bin", "a refused upload has no title: its name stands in");
        row.QuerySelector("td[data-state]")!.GetAttribute("data-state").ShouldBe("Rejected");
        row.QuerySelector(".dp-reason")!.TextContent.ShouldBe(rejected.Reason);
        page.QuerySelector("[data-reason]")!.TextContent.ShouldBe(rejected.Reason);
        page.QuerySelector(".dp-problems")!.TextContent.ShouldContain("quarantine");
        page.QuerySelector("article").ShouldBeNull();
    }

    [Fact]
    public async Task Removing_a_document_takes_it_off_the_list_and_its_summaries_out_of_storage()
    {
        var record = await IngestAsync($"{_tag}/hospitals.txt", Seed("en-hospitals-and-grid-operators-brace-for-ai.txt"), summarize: true);
        var page = await _operator.PageAsync($"/console/documents/{record.Id}", Ct);
        var action = page.QuerySelector("form[action$='/remove']")!.GetAttribute("action")!;

        var response = await _operator.PostAsync(action, page, [], Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var location = response.Headers.Location!.ToString();
        location.ShouldBe("/console/documents?removed=" + record.Id);
        var list = await _operator.PageAsync(location + "&q=" + _tag, Ct);
        list.QuerySelector("p.dp-status")!.TextContent.ShouldContain($"Removed Hospitals and grid operators brace for the next wave of AI ({record.Id})");
        list.QuerySelector($"tr[data-document-id='{record.Id}']").ShouldBeNull();
        (await _host.Get<ISummaryStore>().GetAsync(record.Id, Ct)).ShouldBeNull();
        (await _host.Get<IDocumentStore>().GetAsync(record.Id, Ct)).ShouldBeNull();
        (await _host.Get<IDocumentRecords>().GetRecordAsync(record.Id, Ct))!.Status.ShouldBe(DocumentStatus.Removed);
        (await IdsAsync($"state=Removed&q={_tag}")).ShouldBe([record.Id], "a removed document is listed when asked for");
        (await _operator.PageAsync($"/console/documents/{record.Id}", Ct)).QuerySelector("form[action$='/remove']").ShouldBeNull();
    }

    [Fact]
    public async Task A_remove_without_the_form_token_is_refused_and_changes_nothing()
    {
        var record = await IngestAsync($"{_tag}/hospitals.txt", Seed("en-hospitals-and-grid-operators-brace-for-ai.txt"), summarize: true);

        var response = await _operator.Http.PostAsync($"/console/documents/{record.Id}/remove", new FormUrlEncodedContent([]), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _host.Get<ISummaryStore>().GetAsync(record.Id, Ct)).ShouldNotBeNull();
        (await _host.Get<IDocumentRecords>().GetRecordAsync(record.Id, Ct))!.Status.ShouldBe(DocumentStatus.Summarized);
    }

    [Fact]
    public async Task An_unknown_document_answers_404_on_its_page_and_its_removal()
    {
        var page = await _operator.Http.GetAsync($"/console/documents/{_tag}-missing", Ct);
        var token = ConsoleBrowser.FormToken(await _operator.PageAsync("/console/documents", Ct));
        var remove = await _operator.Http.PostAsync($"/console/documents/{_tag}-missing/remove",
            new FormUrlEncodedContent([new("_csrf", token)]), Ct);

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync(Ct)).ShouldContain("No such document");
        remove.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_is_a_shared_snapshot_read_again_at_once_after_a_removal()
    {
        await DisposeAsync();
        await StartAsync("00:05:00");
        await WriteAsync(new DocumentRecord($"{_tag}-first", $"{_tag}/first.txt", DocumentStatus.Summarized, Noon, "en", "First"));
        var before = await IdsAsync($"q={_tag}");
        await WriteAsync(new DocumentRecord($"{_tag}-second", $"{_tag}/second.txt", DocumentStatus.Summarized, Noon.AddMinutes(1), "en", "Second"));

        var stale = await IdsAsync($"q={_tag}");
        var page = await _operator.PageAsync($"/console/documents/{_tag}-first", Ct);
        (await _operator.PostAsync($"/console/documents/{_tag}-first/remove", page, [], Ct)).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var after = await IdsAsync($"q={_tag}");

        before.ShouldBe([$"{_tag}-first"]);
        stale.ShouldBe([$"{_tag}-first"], "within ListFreshFor the list is the snapshot it read");
        after.ShouldBe([$"{_tag}-second"]);
    }

    [Fact]
    public async Task A_list_snapshot_older_than_five_minutes_stops_the_host_at_start()
    {
        var refused = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => SubscriberPagesHost.StartAsync(azurite, Ct,
            extraSettings: new Dictionary<string, string?> { ["Console:Documents:ListFreshFor"] = "00:10:00" }));

        refused.Message.ShouldContain("Console:Documents:ListFreshFor");
    }

    [Fact]
    public async Task A_removal_confirmation_is_shown_only_for_a_document_that_was_removed()
    {
        await WriteAsync(new DocumentRecord($"{_tag}-kept", $"{_tag}/kept.txt", DocumentStatus.Summarized, Noon, "en", "Kept"));

        var page = await _operator.PageAsync($"/console/documents?removed={_tag}-kept", Ct);

        page.QuerySelector("p.dp-status").ShouldBeNull();
    }

    private async Task StartAsync(string listFreshFor)
    {
        _host = await SubscriberPagesHost.StartAsync(azurite, Ct, extraSettings: new Dictionary<string, string?> { ["Console:Documents:ListFreshFor"] = listFreshFor });
        _operator = await ConsoleBrowser.LogInAsync(_host, Ct);
    }

    private async Task<List<string>> IdsAsync(string query) =>
        (await _operator.PageAsync("/console/documents?" + query, Ct)).QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-document-id")!).ToList();

    private static AngleSharp.Dom.IElement Row(IHtmlDocument page, string id) =>
        page.QuerySelector($"tr[data-document-id='{id}']") ?? throw new ShouldAssertException($"No row for {id}.");

    private async Task WriteAsync(params DocumentRecord[] records)
    {
        foreach (var record in records)
            await _host.Get<IDocumentRecords>().SetRecordAsync(record, Ct);
    }

    /// <summary>A seed document with a line of this test's own, so that its content (and so its id) is the test's.</summary>
    private byte[] Seed(string name) =>
        [.. File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", "documents", name)), .. System.Text.Encoding.UTF8.GetBytes($"\n\nReference {_tag}.\n")];

    /// <summary>Uploads to <c>incoming</c> and runs the real ingest handler on it (and summarize), as the hosts' queues would.</summary>
    private async Task<DocumentRecord> IngestAsync(string blobName, byte[] content, bool summarize)
    {
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient(blobName);
        var uploaded = (await blob.UploadAsync(new BinaryData(content), Ct)).Value;
        await _host.Get<IngestDocumentHandler>().HandleAsync(
            new UploadArrived(blobName, uploaded.ETag.ToString().Trim('"'), blob.Uri.ToString(), content.Length, "text/plain", DateTimeOffset.UtcNow), Ct);
        var records = await _host.Get<IDocumentRecords>().ListRecordsAsync(Ct).Where(r => r.SourceName == blobName).ToListAsync(Ct);
        var record = records.ShouldHaveSingleItem();
        if (!summarize)
            return record;
        await _host.Get<SummarizeDocumentHandler>().HandleAsync(new SummarizeMessage(SummarizeMessage.CurrentVersion, record.Id), Ct);
        return (await _host.Get<IDocumentRecords>().GetRecordAsync(record.Id, Ct)).ShouldNotBeNull();
    }
}
