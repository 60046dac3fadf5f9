using DigestPipeline.Core.Subscribers;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Subscribers;

public sealed class Subscription_settings_are_checked_at_start
{
    private static readonly SubscriptionOptionsValidator Validator = new();

    [Fact]
    public void The_sample_settings_pass() => Validator.Validate(null, TokenSamples.Options()).Succeeded.ShouldBeTrue();

    [Fact]
    public void A_missing_secret_stops_the_start_with_the_setting_named()
    {
        var result = Validator.Validate(null, new SubscriptionOptions());

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Subscriptions:TokenSecret");
    }

    [Fact]
    public void A_short_secret_stops_the_start_without_being_echoed()
    {
        const string shortSecret = "short-secret-31-bytes-long-xxxx";
        shortSecret.Length.ShouldBe(31);

        var result = Validator.Validate(null, TokenSamples.Options(secret: shortSecret));

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldNotContain(shortSecret);
        Should.Throw<InvalidOperationException>(() => TokenSamples.Tokens(secret: shortSecret));
    }

    [Fact]
    public void An_unresolved_key_vault_reference_is_not_taken_for_a_secret()
    {
        // What App Service hands the app when it cannot read the secret: about 100 bytes, long enough to pass as one.
        const string reference = "@Microsoft.KeyVault(SecretUri=https://kv-digest-prod.vault.azure.net/secrets/subscriptions-token-secret/)";

        var result = Validator.Validate(null, TokenSamples.Options(secret: reference));

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Subscriptions:TokenSecret holds an unresolved Key Vault reference");
        result.FailureMessage.ShouldNotContain("kv-digest-prod");
    }

    [Theory]
    [InlineData("127.0.0.1:7071")]
    [InlineData("/relative")]
    [InlineData("ftp://example.org")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://example.org/?a=b")]
    [InlineData("https://user:pass@example.org")]
    public void A_base_url_links_cannot_be_built_on_is_refused(string baseUrl) =>
        Validator.Validate(null, TokenSamples.Options(baseUrl: baseUrl)).Failed.ShouldBeTrue();

    [Fact]
    public void A_non_positive_lifetime_is_refused()
    {
        var options = TokenSamples.Options();
        options.UnsubscribeTokenLifetime = TimeSpan.Zero;

        Validator.Validate(null, options).Failed.ShouldBeTrue();
    }
}
