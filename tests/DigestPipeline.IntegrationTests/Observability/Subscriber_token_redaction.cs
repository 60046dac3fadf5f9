using DigestPipeline.Hosting.Telemetry;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Observability;

/// <summary>Which texts lose a token value to <c>REDACTED</c>, and which are left alone.</summary>
public sealed class Subscriber_token_redaction
{
    [Theory]
    [InlineData("https://digest.example.test/confirm?token=AQEAb-c_9", "https://digest.example.test/confirm?token=REDACTED")]
    [InlineData("/documents/doc-1?token=AQEAb-c_9&hl=12-40,50-60", "/documents/doc-1?token=REDACTED&hl=12-40,50-60")]
    [InlineData("?hl=1-2&token=AQEAb-c_9#top", "?hl=1-2&token=REDACTED#top")]
    [InlineData("token=AQEAb-c_9", "token=REDACTED")]
    [InlineData("/unsubscribe?Token=AQEAb-c_9", "/unsubscribe?Token=REDACTED")]
    [InlineData("Redirect to /login?next=%2Fpreferences%3Ftoken%3DAQEAb-c_9%26lang%3Dfr done", "Redirect to /login?next=%2Fpreferences%3Ftoken%3DREDACTED%26lang%3Dfr done")]
    [InlineData("<a href=\"/digests/d?lang=fr&amp;token=AQEAb-c_9\">", "<a href=\"/digests/d?lang=fr&amp;token=REDACTED\">")]
    [InlineData("two: ?token=AAA and ?token=BBB", "two: ?token=REDACTED and ?token=REDACTED")]
    [InlineData("already ?token=Redacted by OpenTelemetry", "already ?token=REDACTED by OpenTelemetry")]
    public void A_token_value_becomes_REDACTED(string text, string expected) =>
        SubscriberTokenRedaction.Redact(text).ShouldBe(expected);

    [Theory]
    [InlineData("/digests/a6305f959b34eb328e92d29a-2026-01-05")]
    [InlineData("?access_token=abc&csrftoken=def")]
    [InlineData("the token expired")]
    [InlineData("Tokens issued: 3")]
    public void A_text_without_a_token_parameter_is_returned_as_it_is(string text) =>
        SubscriberTokenRedaction.Redact(text).ShouldBeSameAs(text);
}
