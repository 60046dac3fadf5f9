using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.Mail;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Options = Microsoft.Extensions.Options.Options;

namespace DigestPipeline.IntegrationTests.Mail;

/// <summary>Digest emails for the mail tests, composed by the real <see cref="DigestComposer"/>.</summary>
internal static class TestDigests
{
    public static readonly DateTimeOffset Period = new(2025, 3, 3, 7, 0, 0, TimeSpan.Zero);

    public static readonly SubscriptionOptions Subscriptions = new()
    {
        TokenSecret = "mail-test-secret-0123456789-abcdefghijkl",
        PublicBaseUrl = "https://digest.example.test",
    };

    /// <summary>Tokens as checked at <paramref name="now"/> (the digests' links are issued as of <see cref="Period"/>).</summary>
    public static SubscriberTokens Tokens(DateTimeOffset? now = null) => new(Options.Create(Subscriptions), new FixedTime(now ?? Period));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static DigestComposer Composer() => new(new SubscriberLinks(Tokens(), Options.Create(Subscriptions)));

    public static EmailMessage Email(string? messageId = null, string subject = "", string toName = "Marie Curie", string themeLabel = "Santé")
    {
        var subscriber = new Subscriber(
            "sub-1", "marie@example.org", toName, ["sante"], "fr", "0 8 * * 1", "Europe/Paris",
            SubscriberState.Active, Period.AddDays(-30));
        var content = new DigestContent(subscriber, Period,
        [
            new DigestThemeGroup("sante", themeLabel,
            [
                new DigestItem("doc-a", "L’IA à l’hôpital <b>&</b>", "Libération", "fr",
                    [new SummarySentence("doc-a", 0, "Partie 1", 0, 34, "Les hôpitaux testent des assistants.", 1)],
                    ["hôpital"], ThemeScore: 5, SummarizedAt: Period.AddHours(-1)),
            ]),
        ]);
        var composed = Composer().Compose(content, $"sub-1-{Period.UtcDateTime:yyyyMMddTHHmmZ}");

        return new EmailMessage(
            From: new EmailAddress("digest@digestpipeline.localhost", "DigestPipeline"),
            To: new EmailAddress(subscriber.Email, toName),
            Subject: subject.Length > 0 ? subject : composed.Subject,
            HtmlBody: composed.Html,
            TextBody: composed.Text,
            MessageId: messageId ?? $"{Guid.NewGuid():N}@digestpipeline.test",
            Date: Period,
            Headers: new Dictionary<string, string>(),
            UnsubscribeUrl: composed.UnsubscribeUrl);
    }

    public static SmtpMailSender SmtpSender(MaildevFixture maildev, int maxConnections = 2) => new(
        Options.Create(new SmtpOptions
        {
            Host = maildev.Host,
            Port = maildev.SmtpPort,
            Security = SecureSocketOptions.None,
            MaxConnections = maxConnections,
        }),
        NullLogger<SmtpMailSender>.Instance);

    public static string Bare(string? messageId) => (messageId ?? "").Trim().Trim('<', '>');
}
