using System.Net;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Web;

public sealed class Unsubscribe_pages(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private SubscriberPagesHost _pages = null!;

    public async ValueTask InitializeAsync() => _pages = await SubscriberPagesHost.StartAsync(azurite, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _pages.DisposeAsync();

    private static FormUrlEncodedContent OneClickBody() => new([new("List-Unsubscribe", "One-Click")]);

    [Fact]
    public async Task One_click_post_unsubscribes_and_a_second_post_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await _pages.SubscribeAsync("one.click@example.org", ["health", "energy-compute"], "en", ct);
        var url = "/unsubscribe?token=" + _pages.Tokens.Issue(TokenPurpose.Unsubscribe, subscriber.Id);

        var first = await _pages.Http.PostAsync(url, OneClickBody(), ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Contains("Set-Cookie").ShouldBeFalse();
        (await first.Content.ReadAsStringAsync(ct)).ShouldContain("you will receive no more digests");
        var row = await _pages.RowAsync(subscriber.Id, ct);
        row.GetString("State").ShouldBe(nameof(SubscriberState.Unsubscribed));

        var second = await _pages.Http.PostAsync(url, OneClickBody(), ct);

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _pages.RowAsync(subscriber.Id, ct)).ETag.ShouldBe(row.ETag);
    }

    [Fact]
    public async Task A_theme_token_removes_only_that_theme_and_names_it_in_the_subscribers_language()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await _pages.SubscribeAsync("one.theme@example.org", ["health", "energy-compute"], "fr", ct);
        var url = "/unsubscribe?token=" + _pages.Tokens.Issue(TokenPurpose.UnsubscribeTheme, subscriber.Id, "health");

        var response = await _pages.Http.PostAsync(url, OneClickBody(), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(ct);
        html.ShouldContain("<html lang=\"fr\">");
        html.ShouldContain("Vous ne recevrez plus le thème");
        var stored = await _pages.Get<ISubscriberStore>().GetAsync(subscriber.Id, ct);
        stored!.Themes.ShouldBe(["energy-compute"]);
        stored.State.ShouldBe(SubscriberState.Active);
    }

    [Fact]
    public async Task Removing_the_last_theme_unsubscribes()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await _pages.SubscribeAsync("last.theme@example.org", ["health"], "en", ct);

        var response = await _pages.Http.PostAsync(
            "/unsubscribe?token=" + _pages.Tokens.Issue(TokenPurpose.UnsubscribeTheme, subscriber.Id, "health"), OneClickBody(), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await _pages.Get<ISubscriberStore>().GetAsync(subscriber.Id, ct);
        stored!.Themes.ShouldBeEmpty();
        stored.State.ShouldBe(SubscriberState.Unsubscribed);
    }

    [Fact]
    public async Task Get_shows_a_confirmation_form_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await _pages.SubscribeAsync("just.looking@example.org", ["health"], "en", ct);
        var token = _pages.Tokens.Issue(TokenPurpose.Unsubscribe, subscriber.Id);
        var before = await _pages.RowAsync(subscriber.Id, ct);

        var response = await _pages.Http.GetAsync("/unsubscribe?token=" + token, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");
        var html = await response.Content.ReadAsStringAsync(ct);
        html.ShouldContain("You will stop receiving all digests.");
        html.ShouldContain($"<form method=\"post\" action=\"/unsubscribe?token={token}\">");
        html.ShouldNotContain("<script", Case.Insensitive);
        (await _pages.RowAsync(subscriber.Id, ct)).ETag.ShouldBe(before.ETag);
    }

    [Fact]
    public async Task Bad_tokens_get_a_4xx_page_and_change_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var subscriber = await _pages.SubscribeAsync("attacked@example.org", ["health"], "en", ct);
        var before = await _pages.RowAsync(subscriber.Id, ct);
        var cases = BadTokens.For(_pages.Tokens, TokenPurpose.Unsubscribe, TokenPurpose.Preferences, subscriber.Id, DateTimeOffset.UtcNow.AddDays(-61));
        foreach (var (token, expected) in cases)
        {
            var post = await _pages.Http.PostAsync("/unsubscribe?token=" + token, OneClickBody(), ct);
            post.StatusCode.ShouldBe(expected, $"POST with {token}");
            (await post.Content.ReadAsStringAsync(ct)).ShouldContain("<h1>");
            (await _pages.Http.GetAsync("/unsubscribe?token=" + token, ct)).StatusCode.ShouldBe(expected, $"GET with {token}");
        }

        (await _pages.RowAsync(subscriber.Id, ct)).ETag.ShouldBe(before.ETag);
    }
}
