using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Azure.Storage.Blobs.Models;
using DigestPipeline.Azure.Storage;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Web;
using DigestPipeline.Web.Console;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.OperatorConsole;

/// <summary>
/// <c>/console/upload</c> on real Kestrel and Azurite: the plain form's one multipart POST and the script's
/// one-file-per-request POST answered in JSON, each file through the upload API's intake into <c>incoming</c>, and
/// the limits. The host's document cap is 64 KB and its request limit 1 MB, so that "too large" costs little to send.
/// </summary>
public sealed class Uploads_in_the_console(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const int MaxBytes = 64 * 1024;
    private const int RequestLimit = 1024 * 1024;

    private SubscriberPagesHost _host = null!;
    private ConsoleBrowser _browser = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await SubscriberPagesHost.StartAsync(azurite, Cancellation,
            extraSettings: new Dictionary<string, string?> { ["Documents:MaxBytes"] = MaxBytes.ToString(CultureInfo.InvariantCulture) },
            configure: (services, _) => services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimit));
        _browser = await ConsoleBrowser.LogInAsync(_host, Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_upload_page_is_a_multipart_form_for_several_files_that_names_the_formats_it_takes()
    {
        var page = await _browser.PageAsync("/console/upload", Cancellation);

        var form = page.QuerySelector("form#upload-form").ShouldNotBeNull();
        form.GetAttribute("method").ShouldBe("post");
        form.GetAttribute("action").ShouldBe("/console/upload");
        form.GetAttribute("enctype").ShouldBe("multipart/form-data");
        var token = form.QuerySelector("input").ShouldNotBeNull("the form's first field");
        token.GetAttribute("name").ShouldBe(ConsoleApp.FormField);
        var input = form.QuerySelector("input[type=file][name=files]").ShouldNotBeNull();
        input.HasAttribute("multiple").ShouldBeTrue();
        page.QuerySelector($"label[for='{input.Id}']").ShouldNotBeNull("the file input's label");
        form.QuerySelector("button[type=submit]").ShouldNotBeNull();
        page.GetElementById(input.GetAttribute("aria-describedby")!).ShouldNotBeNull()
            .TextContent.ShouldContain("PDF, Word (DOCX), HTML, Markdown or plain text");
        page.QuerySelector("nav.dp-menu a[aria-current=page]")!.GetAttribute("href").ShouldBe("/console/upload");
        page.QuerySelectorAll("script").Length.ShouldBe(1, "the progress script, allowed by its hash");
    }

    [Fact]
    public async Task Three_files_in_one_plain_post_give_three_outcomes_two_blobs_in_incoming_and_the_refusal_reason()
    {
        var page = await _browser.PageAsync("/console/upload", Cancellation);

        using var response = await PostFilesAsync(ConsoleBrowser.FormToken(page), header: false,
            ("notes.txt", "Meeting notes: the team agreed on the plan for the new data centre."u8.ToArray()),
            ("plan.md", "# Plan\n\nThe hospital opens a new wing for cancer patients in May.\n"u8.ToArray()),
            ("chart.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]));

        var answer = await ParseAsync(response, HttpStatusCode.OK);
        var items = answer.QuerySelectorAll("#upload-list li[data-outcome]");
        items.Select(i => (i.QuerySelector("strong")!.TextContent, i.GetAttribute("data-outcome")))
            .ShouldBe([("notes.txt", "accepted"), ("plan.md", "accepted"), ("chart.png", "refused")]);
        answer.QuerySelector(".dp-status")!.TextContent.ShouldBe("Files accepted: 2 of 3.");
        items[2].TextContent.ShouldContain("PNG image documents are not supported");
        items[2].HasAttribute("data-upload-id").ShouldBeFalse();
        var incoming = azurite.Blobs().GetBlobContainerClient(StorageNames.IncomingContainer);
        foreach (var (item, name) in items.Take(2).Zip(["notes.txt", "plan.md"]))
        {
            var id = item.GetAttribute("data-upload-id").ShouldNotBeNull();
            item.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/console/upload/{id}");
            (await incoming.GetBlobClient($"api/{id}/{name}").ExistsAsync(Cancellation)).Value.ShouldBeTrue(name);
        }

        var state = await _browser.PageAsync($"/console/upload/{items[0].GetAttribute("data-upload-id")}", Cancellation);
        state.QuerySelector("td[data-state]")!.GetAttribute("data-state").ShouldBeOneOf("received", "ingested", "summarized");
        state.QuerySelector("table")!.TextContent.ShouldContain("console:this machine");
    }

    [Fact]
    public async Task The_scripts_one_file_request_with_the_token_in_a_header_is_answered_in_json()
    {
        var page = await _browser.PageAsync("/console/upload", Cancellation);

        using var accepted = await PostFilesAsync(ConsoleBrowser.FormToken(page), header: true, ("brief.txt", "A short brief about the power grid."u8.ToArray()));
        using var refused = await PostFilesAsync(ConsoleBrowser.FormToken(page), header: true, ("empty.txt", []));

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var file = (await accepted.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("files").EnumerateArray().ShouldHaveSingleItem();
        file.GetProperty("name").GetString().ShouldBe("brief.txt");
        file.GetProperty("outcome").GetString().ShouldBe("accepted");
        var id = file.GetProperty("id").GetString().ShouldNotBeNull();
        file.GetProperty("state").GetString().ShouldBe($"/console/upload/{id}");
        (await azurite.Blobs().GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobClient($"api/{id}/brief.txt").ExistsAsync(Cancellation)).Value.ShouldBeTrue();
        var refusal = (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("files").EnumerateArray().ShouldHaveSingleItem();
        refusal.GetProperty("outcome").GetString().ShouldBe("refused");
        refusal.GetProperty("reason").GetString().ShouldBe("empty");
        refusal.GetProperty("problem").GetString().ShouldBe("'empty.txt' is empty (0 bytes).");
        refusal.GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Files_past_the_count_of_a_request_are_refused_by_name_and_the_first_ones_taken()
    {
        var page = await _browser.PageAsync("/console/upload", Cancellation);
        var files = Enumerable.Range(1, 12).Select(i => ($"part-{i:00}.txt", Encoding.UTF8.GetBytes($"Part {i} of the minutes."))).ToArray();

        using var response = await PostFilesAsync(ConsoleBrowser.FormToken(page), header: false, files);

        var items = (await ParseAsync(response, HttpStatusCode.OK)).QuerySelectorAll("#upload-list li[data-outcome]");
        items.Length.ShouldBe(12);
        items.Take(10).ShouldAllBe(i => i.GetAttribute("data-outcome") == "accepted");
        items.Skip(10).Select(i => i.QuerySelector("strong")!.TextContent).ShouldBe(["part-11.txt", "part-12.txt"]);
        items.Skip(10).ShouldAllBe(i => i.GetAttribute("data-reason") == "tooMany" && i.TextContent.Contains("at most 10 files"));
    }

    [Fact]
    public async Task A_file_past_the_document_cap_is_refused_with_the_cap_and_not_stored()
    {
        var page = await _browser.PageAsync("/console/upload", Cancellation);
        var big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("The grid needs more power. ", MaxBytes / 20)));
        big.Length.ShouldBeGreaterThan(MaxBytes);

        using var plain = await PostFilesAsync(ConsoleBrowser.FormToken(page), header: false, ("big-plain.txt", big));
        using var script = await PostFilesAsync(ConsoleBrowser.FormToken(page), header: true, ("big-script.txt", big));

        var item = (await ParseAsync(plain, HttpStatusCode.OK)).QuerySelector("#upload-list li[data-outcome]").ShouldNotBeNull();
        item.GetAttribute("data-outcome").ShouldBe("refused");
        item.GetAttribute("data-reason").ShouldBe("tooLarge");
        item.TextContent.ShouldContain("larger than the 65,536-byte limit");
        var json = (await script.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("files")[0];
        json.GetProperty("reason").GetString().ShouldBe("tooLarge");
        await foreach (var blob in azurite.Blobs().GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobsAsync(BlobTraits.None, BlobStates.None, "api/", Cancellation))
            blob.Name.ShouldNotContain("big-");
    }

    [Fact]
    public async Task A_plain_post_past_the_hosts_request_limit_gets_a_page_that_says_so()
    {
        var page = await _browser.PageAsync("/console/upload", Cancellation);
        page.GetElementById("upload-takes")!.TextContent.ShouldContain("of at most 1 MB together");
        var part = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Notes on the summit. ", (MaxBytes - 100) / 21)));

        using var response = await PostFilesAsync(ConsoleBrowser.FormToken(page), header: false, expectContinue: true,
            Enumerable.Range(1, 20).Select(i => ($"notes-{i}.txt", part)).ToArray());

        var answer = await ParseAsync(response, HttpStatusCode.RequestEntityTooLarge);
        answer.QuerySelector("h1")!.TextContent.ShouldBe("Request too large");
        answer.QuerySelector("main")!.TextContent.ShouldContain("Send fewer or smaller files at a time");
    }

    [Fact]
    public async Task A_file_name_with_markup_is_shown_as_text()
    {
        const string name = "<img src=x onerror=alert(1)>report.txt";
        var page = await _browser.PageAsync("/console/upload", Cancellation);

        using var response = await PostFilesAsync(ConsoleBrowser.FormToken(page), header: false, (name, "A report on the vaccine trial."u8.ToArray()));

        var html = await response.Content.ReadAsStringAsync(Cancellation);
        var item = new HtmlParser().ParseDocument(html).QuerySelector("#upload-list li[data-outcome=accepted]").ShouldNotBeNull(html);
        item.QuerySelector("strong")!.TextContent.ShouldBe(name);
        item.QuerySelector("img").ShouldBeNull();
        html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;report.txt");
    }

    [Fact]
    public async Task A_post_without_the_form_token_is_refused_and_nothing_is_stored()
    {
        using var response = await PostFilesAsync(token: null, header: false, ("forged.txt", "Text a page of another site would send."u8.ToArray()));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await foreach (var blob in azurite.Blobs().GetBlobContainerClient(StorageNames.IncomingContainer).GetBlobsAsync(BlobTraits.None, BlobStates.None, "api/", Cancellation))
            blob.Name.ShouldNotEndWith("/forged.txt");
    }

    [Fact]
    public async Task A_form_posted_from_a_console_page_carries_its_origin_and_is_taken()
    {
        // Under the pages' "no-referrer", Chromium sends "Origin: null" with a form's POST, which the frame refuses.
        using var get = await _browser.Http.GetAsync("/console/upload", Cancellation);
        get.Headers.GetValues("Referrer-Policy").ShouldBe(["same-origin"]);
        var page = new HtmlParser().ParseDocument(await get.Content.ReadAsStringAsync(Cancellation));
        _browser.Http.DefaultRequestHeaders.Add("Origin", _host.Addresses[0]);
        try
        {
            using var response = await PostFilesAsync(ConsoleBrowser.FormToken(page), header: false, ("origin.txt", "Notes on the new clinic."u8.ToArray()));
            (await ParseAsync(response, HttpStatusCode.OK)).QuerySelector("#upload-list li[data-outcome=accepted]").ShouldNotBeNull();
        }
        finally
        {
            _browser.Http.DefaultRequestHeaders.Remove("Origin");
        }
    }

    /// <summary>
    /// A multipart POST to <c>/console/upload</c> as the plain form sends it (the token as the first field) or as the
    /// script does (<paramref name="header"/>: the token as <c>X-Console-Csrf</c>, JSON asked for).
    /// </summary>
    private Task<HttpResponseMessage> PostFilesAsync(string? token, bool header, params (string Name, byte[] Bytes)[] files) =>
        PostFilesAsync(token, header, expectContinue: false, files);

    /// <param name="expectContinue">Ask for "100 Continue" first, as a client that wants a refusal before sending a large body does.</param>
    private Task<HttpResponseMessage> PostFilesAsync(string? token, bool header, bool expectContinue, params (string Name, byte[] Bytes)[] files)
    {
        var body = new MultipartFormDataContent();
        if (token is not null && !header)
            body.Add(new StringContent(token), ConsoleApp.FormField);
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            body.Add(content, "files", name);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/console/upload") { Content = body };
        request.Headers.ExpectContinue = expectContinue;
        if (header && token is not null)
        {
            request.Headers.Add(ConsoleApp.FormHeader, token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        return _browser.Http.SendAsync(request, Cancellation);
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        response.StatusCode.ShouldBe(status, html);
        return new HtmlParser().ParseDocument(html);
    }
}
