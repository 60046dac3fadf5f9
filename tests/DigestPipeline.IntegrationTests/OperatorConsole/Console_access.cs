using System.Net;
using AngleSharp.Html.Parser;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.IntegrationTests.Web;
using DigestPipeline.Web.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.OperatorConsole;

/// <summary>
/// Who gets into the console run by <c>digest up</c> (real Kestrel on 127.0.0.1, real Azurite): a browser with a
/// one-time login link, on this machine, and every change only with the page's form token. The host's clock is a
/// <see cref="FakeTimeProvider"/>, so that links and sessions expire without waiting.
/// </summary>
public sealed class Console_access(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private SubscriberPagesHost _host = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await SubscriberPagesHost.StartAsync(azurite, Cancellation,
            clock: _time);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Without_a_login_the_console_answers_401_and_says_how_to_log_in()
    {
        using var stranger = ConsoleBrowser.Anonymous(_host);

        var response = await stranger.Http.GetAsync("/console/documents", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancellation));
        page.QuerySelector("h1")!.TextContent.ShouldBe("Log in to the console");
        page.QuerySelector("main")!.TextContent.ShouldContain("digest console");
        page.QuerySelector("nav.dp-menu").ShouldBeNull("nothing of the console is shown");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task A_login_link_opens_a_session_in_one_browser_only_and_leaves_the_address_bar()
    {
        using var first = ConsoleBrowser.Anonymous(_host);
        using var second = ConsoleBrowser.Anonymous(_host);
        var link = first.LoginLink();

        var login = await first.Http.GetAsync(link, Cancellation);
        var again = await second.Http.GetAsync(link, Cancellation);

        login.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        login.Headers.Location!.OriginalString.ShouldBe("/console/", "the token leaves the address bar");
        var cookie = login.Headers.GetValues("Set-Cookie").ShouldHaveSingleItem().ToLowerInvariant();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
        cookie.ShouldContain("path=/console");
        (await first.Http.GetAsync("/console/", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.SeeOther, "logged in: the console's first page");
        again.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the link was used");
        (await again.Content.ReadAsStringAsync(Cancellation)).ShouldContain("This login link does not work");
        (await second.Http.GetAsync("/console/", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_or_expired_login_link_and_an_expired_session_let_nobody_in()
    {
        var options = _host.Get<Microsoft.Extensions.Options.IOptions<ConsoleOptions>>().Value;
        using var browser = ConsoleBrowser.Anonymous(_host);
        var link = browser.LoginLink();
        var middle = link.Length - 20;
        var forged = link[..middle] + (link[middle] == 'A' ? 'B' : 'A') + link[(middle + 1)..];
        // 58 bytes end in a partial group: a last character with bits past them ('B') is not base64url at all.
        var notBase64Url = link[..^1] + "B";

        (await browser.Http.GetAsync(forged, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.Http.GetAsync(notBase64Url, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a refusal, not the outage page");
        _time.Advance(options.LoginLinkLifetime + TimeSpan.FromSeconds(1));
        (await browser.Http.GetAsync(link, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the link expired");

        using var operatorBrowser = await ConsoleBrowser.LogInAsync(_host, Cancellation);
        (await operatorBrowser.Http.GetAsync("/console/", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        _time.Advance(options.SessionLifetime + TimeSpan.FromSeconds(1));
        (await operatorBrowser.Http.GetAsync("/console/", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the session expired");
    }

    [Fact]
    public async Task A_post_without_the_pages_form_token_or_from_another_site_changes_nothing()
    {
        using var browser = await ConsoleBrowser.LogInAsync(_host, Cancellation);
        var page = await LoggedInPageAsync(browser);

        var withoutToken = await browser.Http.PostAsync("/console/logout", new FormUrlEncodedContent([]), Cancellation);
        var wrongToken = await browser.Http.PostAsync("/console/logout", new FormUrlEncodedContent([new(ConsoleApp.FormField, "x" + ConsoleBrowser.FormToken(page))]), Cancellation);
        using var fromElsewhere = new HttpRequestMessage(HttpMethod.Post, "/console/logout")
        {
            Content = new FormUrlEncodedContent([new(ConsoleApp.FormField, ConsoleBrowser.FormToken(page))]),
        };
        fromElsewhere.Headers.Add("Origin", "http://attacker.example");
        var crossSite = await browser.Http.SendAsync(fromElsewhere, Cancellation);

        withoutToken.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await withoutToken.Content.ReadAsStringAsync(Cancellation)).ShouldContain("This form has expired");
        wrongToken.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        crossSite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.Http.GetAsync("/console/", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.SeeOther, "still logged in: nothing changed");

        var logOut = await browser.PostAsync("/console/logout", page, [], Cancellation);

        logOut.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.Http.GetAsync("/console/", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "logged out");
    }

    [Fact]
    public async Task Requests_from_another_machine_or_to_another_host_name_are_refused_even_with_a_session()
    {
        using var browser = await ConsoleBrowser.LogInAsync(_host, Cancellation);
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/console/");
        rebound.Headers.Host = "attacker.example"; // a page whose name was rebound to 127.0.0.1
        var response = await browser.Http.SendAsync(rebound, Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldContain("On this machine only");

        // Kestrel here listens on loopback only, so another machine's request is made as Kestrel would hand it over.
        var remote = new DefaultHttpContext();
        remote.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
        remote.Request.Method = HttpMethods.Get;
        remote.Request.Host = new HostString("127.0.0.1", 7071);
        remote.Request.Headers.Cookie = browser.Cookies.GetCookieHeader(new Uri(_host.Addresses[0] + "/console/"));
        remote.Response.Body = new MemoryStream();

        await _host.Get<ConsoleApp>().HandleAsync(remote, "documents");

        remote.Response.StatusCode.ShouldBe(StatusCodes.Status403Forbidden);
    }

    [Fact]
    public async Task The_console_speaks_the_browsers_language_when_it_has_its_words()
    {
        using var browser = await ConsoleBrowser.LogInAsync(_host, Cancellation);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/no-such-page");
        request.Headers.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9,en;q=0.5");

        var response = await browser.Http.SendAsync(request, Cancellation);

        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancellation));
        page.DocumentElement.GetAttribute("lang").ShouldBe("fr");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Page introuvable");
        page.QuerySelectorAll("nav.dp-menu a").Select(a => a.TextContent).ShouldContain("Abonnés");
        (await LoggedInPageAsync(browser)).DocumentElement.GetAttribute("lang").ShouldBe("en", "English otherwise");
    }

    /// <summary>A page of the console a logged-in operator sees (the section pages may not exist yet: the 404 page has the frame).</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> LoggedInPageAsync(ConsoleBrowser browser)
    {
        var response = await browser.Http.GetAsync("/console/no-such-page", Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancellation));
        page.QuerySelector("nav.dp-menu").ShouldNotBeNull("a logged-in operator sees the menu");
        return page;
    }
}
