using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Tests.Subscribers;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Subscriptions;

/// <summary>The confirmation mail as its templates write it: the digest's card and button, its words in the subscriber's language, every value encoded.</summary>
public sealed class The_sign_up_mail
{
    private readonly SubscriptionMail _mail = new(TokenSamples.Links(new ManualTime(TokenSamples.Now)), Options.Create(new DigestOptions()), new ManualTime(TokenSamples.Now));

    [Fact]
    public void The_confirmation_has_the_digests_look_a_button_to_the_link_and_the_same_words_in_plain_text()
    {
        var message = _mail.Confirmation(Subscriber("fr", "Marie <b>Curie</b>"));

        message.HtmlBody.ShouldContain("<html lang=\"fr\"");
        message.HtmlBody.ShouldContain("class=\"dp-card\"", customMessage: "the digest's card");
        message.HtmlBody.ShouldContain("@media (prefers-color-scheme: dark)");
        message.HtmlBody.ShouldContain("Marie &lt;b&gt;Curie&lt;/b&gt;", customMessage: "the name from a form is encoded");
        var url = message.TextBody.Split('\n').Single(l => l.StartsWith(TokenSamples.BaseUrl + "/confirm?token=", StringComparison.Ordinal));
        message.HtmlBody.ShouldContain($"<a href=\"{url}\" style=\"display:inline-block;");
        message.TextBody.ShouldStartWith("Bonjour Marie <b>Curie</b>,\n\n", customMessage: "plain text is not HTML-encoded");
        message.TextBody.ShouldEndWith("\n");
        message.Subject.ShouldBe(SubscriptionMail.Catalog.For("fr").Get("ConfirmSubject"));
    }

    [Fact]
    public void An_address_already_subscribed_gets_the_preferences_link_in_its_language()
    {
        var message = _mail.AlreadySubscribed(Subscriber("en", ""));

        message.HtmlBody.ShouldContain("<html lang=\"en\"");
        message.TextBody.ShouldContain(TokenSamples.BaseUrl + "/preferences?token=");
        message.TextBody.ShouldStartWith(SubscriptionMail.Catalog.For("en").Get("AnonymousGreeting"));
    }

    private static Subscriber Subscriber(string language, string name) =>
        new(TokenSamples.SubscriberId, "reader@example.org", name, ["health"], language, "0 7 * * *", "Europe/Paris", SubscriberState.Pending, TokenSamples.Now);
}
