using DigestPipeline.Core.Subscribers;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Subscribers;

public sealed class Expired_or_misused_tokens_are_rejected
{
    [Fact]
    public void An_unsubscribe_token_works_until_its_lifetime_ends()
    {
        var time = new ManualTime(TokenSamples.Now);
        var tokens = TokenSamples.Tokens(time);
        var token = tokens.Issue(TokenPurpose.Unsubscribe, TokenSamples.SubscriberId);

        time.Advance(TimeSpan.FromDays(60) - TimeSpan.FromSeconds(1));
        tokens.Verify(token, TokenPurpose.Unsubscribe).Status.ShouldBe(TokenStatus.Valid);

        time.Advance(TimeSpan.FromSeconds(1));
        var expired = tokens.Verify(token, TokenPurpose.Unsubscribe);
        expired.Status.ShouldBe(TokenStatus.Expired);
        expired.Token.ShouldBeNull();
    }

    [Fact]
    public void A_confirmation_token_lasts_48_hours_by_default()
    {
        var time = new ManualTime(TokenSamples.Now);
        var tokens = TokenSamples.Tokens(time);
        var token = tokens.Issue(TokenPurpose.Confirm, TokenSamples.SubscriberId);

        time.Advance(TimeSpan.FromHours(47));
        tokens.Verify(token, TokenPurpose.Confirm).Status.ShouldBe(TokenStatus.Valid);

        time.Advance(TimeSpan.FromHours(1));
        tokens.Verify(token, TokenPurpose.Confirm).Status.ShouldBe(TokenStatus.Expired);
    }

    [Fact]
    public void Lifetimes_are_configured_per_purpose()
    {
        var options = TokenSamples.Options();
        options.ConfirmTokenLifetime = TimeSpan.FromMinutes(30);
        var time = new ManualTime(TokenSamples.Now);
        var tokens = new SubscriberTokens(Microsoft.Extensions.Options.Options.Create(options), time);
        var confirm = tokens.Issue(TokenPurpose.Confirm, TokenSamples.SubscriberId);
        var preferences = tokens.Issue(TokenPurpose.Preferences, TokenSamples.SubscriberId);

        time.Advance(TimeSpan.FromMinutes(31));

        tokens.Verify(confirm, TokenPurpose.Confirm).Status.ShouldBe(TokenStatus.Expired);
        tokens.Verify(preferences, TokenPurpose.Preferences).Status.ShouldBe(TokenStatus.Valid);
    }

    [Theory]
    [InlineData(TokenPurpose.Unsubscribe, TokenPurpose.Preferences)]
    [InlineData(TokenPurpose.Preferences, TokenPurpose.Unsubscribe)]
    [InlineData(TokenPurpose.UnsubscribeTheme, TokenPurpose.Unsubscribe)]
    [InlineData(TokenPurpose.ViewDigest, TokenPurpose.ViewDocument)]
    [InlineData(TokenPurpose.Confirm, TokenPurpose.Unsubscribe)]
    public void A_token_for_one_purpose_is_refused_for_another(TokenPurpose issued, TokenPurpose asked)
    {
        var tokens = TokenSamples.Tokens();
        var subject = issued is TokenPurpose.UnsubscribeTheme or TokenPurpose.ViewDigest ? "x" : "";

        var result = tokens.Verify(tokens.Issue(issued, TokenSamples.SubscriberId, subject), asked);

        result.Status.ShouldBe(TokenStatus.WrongPurpose);
        result.Token.ShouldBeNull();
    }
}
