using DigestPipeline.Core.Subscribers;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Subscribers;

public sealed class Tokens_round_trip_for_every_purpose
{
    public static TheoryData<TokenPurpose, string> Purposes() => new()
    {
        { TokenPurpose.Confirm, "" },
        { TokenPurpose.Preferences, "" },
        { TokenPurpose.Unsubscribe, "" },
        { TokenPurpose.UnsubscribeTheme, "energie" },
        { TokenPurpose.ViewDigest, "0a1b2c3d4e5f60718293a4b5-20250303T0700Z" },
        { TokenPurpose.ViewDocument, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" },
    };

    [Theory]
    [MemberData(nameof(Purposes))]
    public void A_token_verifies_as_what_it_was_issued_for(TokenPurpose purpose, string subject)
    {
        var tokens = TokenSamples.Tokens();

        var token = tokens.Issue(purpose, TokenSamples.SubscriberId, subject);
        var result = tokens.Verify(token, purpose);

        result.Status.ShouldBe(TokenStatus.Valid);
        result.IsValid.ShouldBeTrue();
        result.Token.ShouldBe(new SubscriberToken(TokenSamples.SubscriberId, purpose, subject,
            TokenSamples.Now + TokenSamples.Options().LifetimeOf(purpose)));
    }

    [Theory]
    [MemberData(nameof(Purposes))]
    public void A_token_is_base64url_without_padding(TokenPurpose purpose, string subject)
    {
        var token = TokenSamples.Tokens().Issue(purpose, TokenSamples.SubscriberId, subject);

        token.ShouldMatch("^[A-Za-z0-9_-]+$");
        Uri.EscapeDataString(token).ShouldBe(token);
    }

    [Fact]
    public void A_theme_or_subscriber_id_outside_ascii_survives()
    {
        var tokens = TokenSamples.Tokens();

        var result = tokens.Verify(tokens.Issue(TokenPurpose.UnsubscribeTheme, "abonné-1", "santé publique"), TokenPurpose.UnsubscribeTheme);

        result.Token.ShouldNotBeNull().SubscriberId.ShouldBe("abonné-1");
        result.Token.Subject.ShouldBe("santé publique");
    }

    [Fact]
    public void The_unsubscribe_route_can_accept_both_of_its_purposes()
    {
        var tokens = TokenSamples.Tokens();
        var all = tokens.Issue(TokenPurpose.Unsubscribe, TokenSamples.SubscriberId);
        var theme = tokens.Issue(TokenPurpose.UnsubscribeTheme, TokenSamples.SubscriberId, "sante");

        tokens.Verify(all, TokenPurpose.Unsubscribe, TokenPurpose.UnsubscribeTheme).Token.ShouldNotBeNull().Purpose.ShouldBe(TokenPurpose.Unsubscribe);
        tokens.Verify(theme, TokenPurpose.Unsubscribe, TokenPurpose.UnsubscribeTheme).Token.ShouldNotBeNull().Purpose.ShouldBe(TokenPurpose.UnsubscribeTheme);
    }

    [Fact]
    public void Issuing_as_of_a_given_instant_is_deterministic()
    {
        var issuedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var first = TokenSamples.Tokens().Issue(TokenPurpose.Preferences, TokenSamples.SubscriberId, "", issuedAt);
        var second = TokenSamples.Tokens(new ManualTime(issuedAt.AddDays(3))).Issue(TokenPurpose.Preferences, TokenSamples.SubscriberId, "", issuedAt);

        second.ShouldBe(first);
    }

    [Theory]
    [InlineData(TokenPurpose.UnsubscribeTheme, "")]
    [InlineData(TokenPurpose.ViewDigest, "")]
    [InlineData(TokenPurpose.Preferences, "sante")]
    public void A_subject_is_given_exactly_when_the_purpose_needs_one(TokenPurpose purpose, string subject) =>
        Should.Throw<ArgumentException>(() => TokenSamples.Tokens().Issue(purpose, TokenSamples.SubscriberId, subject));
}
