using DigestPipeline.Core.Subscribers;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Subscribers;

public sealed class Links_follow_the_route_table
{
    private readonly SubscriberLinks _links = TokenSamples.Links();
    private readonly SubscriberTokens _tokens = TokenSamples.Tokens();
    private static readonly DateTimeOffset IssuedAt = TokenSamples.Now;
    private const string Id = TokenSamples.SubscriberId;

    [Fact]
    public void Subscribe_has_no_token() => _links.Subscribe().ShouldBe("https://digest.example.org/subscribe");

    [Fact]
    public void Confirm_preferences_and_unsubscribe_carry_their_own_purpose()
    {
        Check(_links.Confirm(Id, IssuedAt), "/confirm", TokenPurpose.Confirm, "");
        Check(_links.Preferences(Id, IssuedAt), "/preferences", TokenPurpose.Preferences, "");
        Check(_links.Unsubscribe(Id, IssuedAt), "/unsubscribe", TokenPurpose.Unsubscribe, "");
    }

    [Fact]
    public void Unsubscribing_from_one_theme_uses_the_same_route_with_the_theme_signed()
    {
        Check(_links.UnsubscribeTheme(Id, "energie", IssuedAt), "/unsubscribe", TokenPurpose.UnsubscribeTheme, "energie");
    }

    [Fact]
    public void View_in_browser_names_the_delivery_in_the_path_and_the_token()
    {
        const string delivery = "0a1b2c3d4e5f60718293a4b5-20250303T0700Z";

        Check(_links.ViewDigest(Id, delivery, IssuedAt), "/digests/" + delivery, TokenPurpose.ViewDigest, delivery);
    }

    [Fact]
    public void The_document_page_gets_its_token_and_the_cited_ranges()
    {
        var url = _links.Document(Id, "doc-a", [new CitedRange(120, 245), new CitedRange(300, 410)], IssuedAt);

        Check(url, "/documents/doc-a", TokenPurpose.ViewDocument, "doc-a");
        new Uri(url).Query.ShouldEndWith("&hl=120-245,300-410");
        SubscriberLinks.ParseHighlights("120-245,300-410", 1000).ShouldBe([new CitedRange(120, 245), new CitedRange(300, 410)]);
    }

    [Fact]
    public void Ids_are_percent_encoded_in_paths()
    {
        var url = _links.Document(Id, "a/b c?d", [], IssuedAt);

        url.ShouldStartWith("https://digest.example.org/documents/a%2Fb%20c%3Fd?token=");
        _tokens.Verify(TokenSamples.TokenOf(url), TokenPurpose.ViewDocument).Token.ShouldNotBeNull().Subject.ShouldBe("a/b c?d");
    }

    [Theory]
    [InlineData("https://example.org/digest/")]
    [InlineData("https://example.org/digest")]
    public void A_base_url_with_a_path_prefix_keeps_it(string baseUrl) =>
        TokenSamples.Links(baseUrl: baseUrl).Subscribe().ShouldBe("https://example.org/digest/subscribe");

    [Theory]
    [InlineData(null, 100)]
    [InlineData("", 100)]
    [InlineData("10-5", 100)]
    [InlineData("5-5", 100)]
    [InlineData("90-101", 100)]
    [InlineData("-5-10,a-b,1-2-3,+1-4, 2147483648-2147483649", 100)]
    public void Highlights_that_make_no_sense_are_ignored(string? value, int textLength) =>
        SubscriberLinks.ParseHighlights(value, textLength).ShouldBeEmpty();

    private void Check(string url, string path, TokenPurpose purpose, string subject)
    {
        var uri = new Uri(url);
        uri.Scheme.ShouldBe("https");
        uri.Host.ShouldBe("digest.example.org");
        uri.AbsolutePath.ShouldBe(path);
        var token = _tokens.Verify(TokenSamples.TokenOf(url), purpose).Token.ShouldNotBeNull();
        token.SubscriberId.ShouldBe(Id);
        token.Subject.ShouldBe(subject);
        token.ExpiresAt.ShouldBe(IssuedAt + TokenSamples.Options().LifetimeOf(purpose));
    }
}
