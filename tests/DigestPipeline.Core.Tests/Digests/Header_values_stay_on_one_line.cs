using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

/// <summary>A display name or theme label with a line break must never reach a header as one (the MIME builder also refuses it).</summary>
public sealed class Header_values_stay_on_one_line
{
    private static readonly DigestOptions Options = new();

    [Fact]
    public void A_display_name_with_CRLF_is_put_on_one_line_in_the_recipient()
    {
        var subscriber = DigestSamples.Subscriber(displayName: "Marie\r\nBcc: victim@example.org");
        var content = DigestSamples.Content() with { Subscriber = subscriber };

        var email = DigestMail.For(DigestSamples.Compose(content), subscriber, Delivery(), Options);

        email.To.DisplayName.ShouldBe("Marie Bcc: victim@example.org");
        email.To.Address.ShouldBe("marie@example.org");
    }

    [Fact]
    public void A_theme_label_with_CRLF_is_put_on_one_line_in_the_subject()
    {
        var content = DigestSamples.WithThemes(DigestSamples.Content(),
            new DigestThemeGroup("sante", "Santé\r\nBcc: victim@example.org\r\n", [DigestSamples.Item("doc-a", "T", "S", "Une phrase.")]));

        var email = DigestMail.For(DigestSamples.Compose(content), content.Subscriber, Delivery(), Options);

        email.Subject.ShouldNotContain("\r");
        email.Subject.ShouldNotContain("\n");
        email.Subject.ShouldContain("Santé Bcc: victim@example.org");
    }

    [Fact]
    public void The_email_carries_the_one_click_url_its_message_id_and_claim_date()
    {
        var composed = DigestSamples.Compose(DigestSamples.Content());
        var delivery = Delivery();

        var email = DigestMail.For(composed, DigestSamples.Subscriber(), delivery, Options);

        email.UnsubscribeUrl.ShouldBe(composed.UnsubscribeUrl);
        email.MessageId.ShouldBe(delivery.MessageId);
        email.Date.ShouldBe(delivery.ClaimedAt);
        email.From.ShouldBe(new EmailAddress(Options.FromAddress, Options.FromName));
    }

    private static Delivery Delivery() => new(
        "sub-1", DigestSamples.Period, DeliveryState.Claimed, DigestSamples.Period.AddSeconds(3),
        DigestSamples.Period.AddDays(-7), DigestSamples.Period, "digest-sub-1-20250303T0700Z@digestpipeline.localhost");
}
