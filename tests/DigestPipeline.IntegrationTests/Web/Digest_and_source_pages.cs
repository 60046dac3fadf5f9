using System.Net;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Web;

public sealed class Digest_and_source_pages(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Subscriber = "0123456789abcdef01234567";
    private SubscriberPagesHost _pages = null!;

    public async ValueTask InitializeAsync() => _pages = await SubscriberPagesHost.StartAsync(azurite, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _pages.DisposeAsync();

    [Fact]
    public async Task View_in_browser_returns_the_archived_html_under_a_no_script_policy()
    {
        var ct = TestContext.Current.CancellationToken;
        const string html = "<!DOCTYPE html><html><body><p>Archived digest 42</p></body></html>";
        await _pages.Get<IDigestArchive>().SaveAsync("delivery-42", html, ct);

        var response = await _pages.Http.GetAsync("/digests/delivery-42?token=" + _pages.Tokens.Issue(TokenPurpose.ViewDigest, Subscriber, "delivery-42"), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(ct)).ShouldBe(html);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("default-src 'none'");
        policy.ShouldNotContain("script-src");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Fact]
    public async Task A_digest_token_opens_only_its_own_delivery()
    {
        var ct = TestContext.Current.CancellationToken;
        await _pages.Get<IDigestArchive>().SaveAsync("delivery-a", "<p>a</p>", ct);
        await _pages.Get<IDigestArchive>().SaveAsync("delivery-b", "<p>b</p>", ct);
        var tokenForA = _pages.Tokens.Issue(TokenPurpose.ViewDigest, Subscriber, "delivery-a");

        (await _pages.Http.GetAsync("/digests/delivery-b?token=" + tokenForA, ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _pages.Http.GetAsync("/digests/delivery-a?token=" + _pages.Tokens.Issue(TokenPurpose.ViewDocument, Subscriber, "delivery-a"), ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _pages.Http.GetAsync("/digests/delivery-missing?token=" + _pages.Tokens.Issue(TokenPurpose.ViewDigest, Subscriber, "delivery-missing"), ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_source_page_encodes_the_document_and_marks_the_cited_range()
    {
        var ct = TestContext.Current.CancellationToken;
        const string text = "Hostile <b>title</b>\n\nIntro. <script>alert(1)</script> The cited sentence & more. Tail.";
        var cited = text.IndexOf("The cited sentence", StringComparison.Ordinal);
        var citedEnd = text.IndexOf(" Tail.", StringComparison.Ordinal);
        await _pages.Get<IDocumentStore>().SaveAsync(
            new SourceDocument("doc-xss", "xss.md", "en", "Hostile <b>title</b>", text, [], [], [], DateTimeOffset.UtcNow, text.Length), ct);
        var token = _pages.Tokens.Issue(TokenPurpose.ViewDocument, Subscriber, "doc-xss");

        var response = await _pages.Http.GetAsync($"/documents/doc-xss?token={token}&hl={cited}-{citedEnd},5-999999,junk", ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(ct);
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<b>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("<mark>The cited sentence &amp; more.</mark>");
        html.Split("<mark>").Length.ShouldBe(2);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");
    }

    [Fact]
    public async Task A_document_token_opens_only_its_own_document()
    {
        var ct = TestContext.Current.CancellationToken;
        var tokenForOther = _pages.Tokens.Issue(TokenPurpose.ViewDocument, Subscriber, "doc-other");

        (await _pages.Http.GetAsync("/documents/doc-xss?token=" + tokenForOther, ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _pages.Http.GetAsync("/documents/doc-other?token=" + tokenForOther, ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _pages.Http.GetAsync("/documents/doc-other?token=%3Cscript%3E", ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _pages.Http.GetAsync("/documents/doc-other?token=" +
            _pages.Tokens.Issue(TokenPurpose.ViewDocument, Subscriber, "doc-other", DateTimeOffset.UtcNow.AddDays(-61)), ct))
            .StatusCode.ShouldBe(HttpStatusCode.Gone);
    }
}
