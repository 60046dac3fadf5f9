using DigestPipeline.Core.Newsletters;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Newsletters;

/// <summary>The mailbox settings are checked at start, and the sender list matches addresses and domains.</summary>
public sealed class NewsletterSettingsTests
{
    private static NewsletterOptions Valid()
    {
        var options = new NewsletterOptions { Host = "imap.example.org", User = "digest", Password = "secret" };
        options.AllowedSenders.Add("@example.org");
        return options;
    }

    [Fact]
    public void Without_a_host_newsletters_are_off_and_nothing_is_checked() =>
        new NewsletterOptionsValidator().Validate(null, new NewsletterOptions()).Succeeded.ShouldBeTrue();

    [Fact]
    public void A_complete_mailbox_is_valid() => new NewsletterOptionsValidator().Validate(null, Valid()).Succeeded.ShouldBeTrue();

    [Fact]
    public void An_unresolved_key_vault_reference_is_refused_without_echoing_it()
    {
        var options = Valid();
        options.Password = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/imap)";
        var result = new NewsletterOptionsValidator().Validate(null, options);
        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Newsletters:Password holds an unresolved Key Vault reference");
        result.FailureMessage.ShouldNotContain("kv.vault.azure.net");
    }

    [Theory]
    [InlineData("imap.example.org", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("localhost", true)]
    [InlineData("::1", true)]
    public void Clear_text_is_allowed_for_loopback_only(string host, bool allowed)
    {
        var options = Valid();
        options.Host = host;
        options.Security = MailboxSecurity.None;
        new NewsletterOptionsValidator().Validate(null, options).Succeeded.ShouldBe(allowed);
    }

    [Fact]
    public void A_mailbox_without_allowed_senders_or_without_a_password_is_refused()
    {
        var noSenders = Valid();
        noSenders.AllowedSenders.Clear();
        new NewsletterOptionsValidator().Validate(null, noSenders).FailureMessage.ShouldNotBeNull().ShouldContain("AllowedSenders is empty");
        var noPassword = Valid();
        noPassword.Password = null;
        new NewsletterOptionsValidator().Validate(null, noPassword).FailureMessage.ShouldNotBeNull().ShouldContain("Newsletters:Password are required");
    }

    [Theory]
    [InlineData("news@example.org", true)]
    [InlineData("NEWS@Example.org", true)]
    [InlineData("other@example.org", false)]
    [InlineData("letter@lettres.example.fr", true)]
    [InlineData("letter@sub.lettres.example.fr", false)]
    [InlineData(null, false)]
    public void Senders_match_by_address_or_by_domain(string? from, bool allowed) =>
        new SenderList(["news@example.org", "@lettres.example.fr"]).Allows(from).ShouldBe(allowed);

    [Theory]
    [InlineData("news@example.org", true)]
    [InlineData("@example.org", true)]
    [InlineData("example.org", false)]
    [InlineData("a@b@example.org", false)]
    [InlineData("@localhost", false)]
    [InlineData("news @example.org", false)]
    public void Sender_entries_are_addresses_or_domains(string entry, bool wellFormed) =>
        SenderList.IsWellFormed(entry).ShouldBe(wellFormed);

    [Fact]
    public void A_message_is_named_by_its_message_id_and_attachments_by_safe_names()
    {
        var message = new MailboxMessage("7", "<abc@example.org>", "news@example.org", null, "s", null, 10, false, "<p>x</p>", null, []);
        NewsletterIdentity.Of(message).ShouldBe("mail:abc@example.org");
        NewsletterIdentity.Of(message with { Uid = "8", MessageId = "abc@example.org" }).ShouldBe(NewsletterIdentity.Of(message));
        NewsletterIdentity.AttachmentBlobName("h", 2, "../Rapport annuel 2026.pdf").ShouldBe("mail/h/2/Rapport annuel 2026.pdf");
        NewsletterIdentity.AttachmentBlobName("h", 1, "a/b\\..\\c:d?.docx").ShouldBe("mail/h/1/b-..-c-d-.docx");
    }
}
