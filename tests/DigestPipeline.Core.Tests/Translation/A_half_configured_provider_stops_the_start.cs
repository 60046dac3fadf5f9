using DigestPipeline.Core.Translation;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Translation;

/// <summary>
/// The provider's settings are checked at start: a half-configured one (a key with no endpoint, an endpoint with no
/// model) would otherwise leave an operator believing digests are translated. No setting at all is the default: valid.
/// </summary>
public sealed class A_half_configured_provider_stops_the_start
{
    private static readonly TranslationOptionsValidator Validator = new();

    [Fact]
    public void No_setting_at_all_is_valid_and_turns_translation_off()
    {
        var options = new TranslationOptions();

        Validator.Validate(null, options).Succeeded.ShouldBeTrue();
        options.IsConfigured.ShouldBeFalse();
    }

    [Fact]
    public void A_local_server_needs_an_endpoint_and_a_model_only()
    {
        Validator.Validate(null, new TranslationOptions { Endpoint = "http://127.0.0.1:11434/v1", Model = "llama3.2" }).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null, "gpt-4o-mini", "Translation:Endpoint is not set")]
    [InlineData("http://127.0.0.1:11434/v1", null, "Translation:Model is not set")]
    [InlineData("127.0.0.1:11434", "m", "is not an absolute http(s) address")]
    [InlineData("https://user:pw@example.test/v1", "m", "is not an absolute http(s) address")]
    public void A_missing_or_malformed_setting_is_named(string? endpoint, string? model, string expected)
    {
        var result = Validator.Validate(null, new TranslationOptions { Endpoint = endpoint, Model = model });

        result.Failed.ShouldBeTrue();
        var message = result.FailureMessage.ShouldNotBeNull();
        message.ShouldContain(expected);
        message.ShouldNotContain("pw");
    }

    [Fact]
    public void A_key_and_managed_identity_together_are_refused_without_echoing_the_key()
    {
        var result = Validator.Validate(null, new TranslationOptions
        {
            Endpoint = "https://example.openai.azure.com/openai/v1/", Model = "m", ApiKey = "sk-secret-value", UseManagedIdentity = true,
        });

        var message = result.FailureMessage.ShouldNotBeNull();
        message.ShouldContain("choose one");
        message.ShouldNotContain("sk-secret-value");
    }
}
