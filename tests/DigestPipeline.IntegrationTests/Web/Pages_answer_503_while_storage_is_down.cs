using System.Net;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Web;

/// <summary>
/// The subscriber pages while their storage is gone (Azurite stopped): a page that needs storage answers 503 with
/// <c>Retry-After</c> and a sentence, not a 500 or a hung request; <c>/healthz</c> still answers 200 and
/// <c>/readyz</c> 503, naming the failing pages.
/// </summary>
public sealed class Pages_answer_503_while_storage_is_down : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private SubscriberPagesHost _pages = null!;

    public async ValueTask InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _pages = await SubscriberPagesHost.StartAsync(_azurite, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_page_that_needs_storage_answers_503_with_retry_after_and_readyz_says_why()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await _pages.SubscribeAsync("outage@example.org", ["health"], "en", ct);
        var url = "/unsubscribe?token=" + _pages.Tokens.Issue(TokenPurpose.Unsubscribe, subscriber.Id);
        (await _pages.Http.GetAsync(url, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await _azurite.DisposeAsync(); // storage gone (the SDK retries for about 14 s before the page gives up)
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
        using var page = await _pages.Http.SendAsync(request, ct);

        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        page.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(30));
        (await page.Content.ReadAsStringAsync(ct)).ShouldBe("Le service est momentanément indisponible ; réessayez dans une minute.\n", "in the browser's language");
        (await _pages.Http.GetAsync("/healthz", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var ready = await _pages.Http.GetAsync("/readyz", ct);
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var health = await ready.Content.ReadAsStringAsync(ct);
        health.ShouldContain("\"web pages\"");
        health.ShouldContain("Connection refused");
    }
}
