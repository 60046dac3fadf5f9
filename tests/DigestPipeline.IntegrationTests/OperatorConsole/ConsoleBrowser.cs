using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DigestPipeline.IntegrationTests.Web;
using DigestPipeline.Web.Console;
using Shouldly;

namespace DigestPipeline.IntegrationTests.OperatorConsole;

/// <summary>
/// An operator's browser on the console of a <see cref="SubscriberPagesHost"/>: its own cookies, redirects not
/// followed (so tests see the 303s), logged in by a login link as a person would be.
/// </summary>
public sealed class ConsoleBrowser : IDisposable
{
    private ConsoleBrowser(SubscriberPagesHost host)
    {
        Host = host;
        Cookies = new CookieContainer();
        // A client that waits for "100 Continue" as long as it takes (a busy machine): a request the console refuses
        // from its headers alone (too large) is answered before its body is sent, instead of racing it.
        Http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromMinutes(2) })
        {
            BaseAddress = new Uri(host.Addresses[0]),
        };
    }

    public SubscriberPagesHost Host { get; }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    /// <summary>A browser that has not logged in.</summary>
    public static ConsoleBrowser Anonymous(SubscriberPagesHost host) => new(host);

    /// <summary>A browser logged in with a fresh login link of the host.</summary>
    public static async Task<ConsoleBrowser> LogInAsync(SubscriberPagesHost host, CancellationToken cancellationToken)
    {
        var browser = new ConsoleBrowser(host);
        var response = await browser.Http.GetAsync(browser.LoginLink(), cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync(cancellationToken));
        return browser;
    }

    /// <summary>A new one-time login link, as <c>digest console</c> prints it.</summary>
    public string LoginLink() => Host.Get<ConsoleApp>().LoginLink(Host.Addresses[0]);

    /// <summary>GETs a console page (<c>/console/documents</c>), expects 200 and parses it.</summary>
    public async Task<IHtmlDocument> PageAsync(string path, CancellationToken cancellationToken)
    {
        var response = await Http.GetAsync(path, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>The form token a page's forms carry (every console page has the log-out form).</summary>
    public static string FormToken(IHtmlDocument page) =>
        page.QuerySelector($"input[name={ConsoleApp.FormField}]")?.GetAttribute("value").ShouldNotBeNull() ?? throw new ShouldAssertException("The page has no form token.");

    /// <summary>POSTs a form as the page's own form would: its fields and the form token of <paramref name="page"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, IHtmlDocument page, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        Http.PostAsync(path, new FormUrlEncodedContent(fields.Append(new(ConsoleApp.FormField, FormToken(page)))), cancellationToken);

    public void Dispose() => Http.Dispose();
}
