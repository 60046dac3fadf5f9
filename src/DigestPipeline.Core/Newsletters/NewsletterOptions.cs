using System.ComponentModel.DataAnnotations;

namespace DigestPipeline.Core.Newsletters;

/// <summary>
/// The newsletter mailbox (configuration section <c>Newsletters</c>), read over IMAP. Off while <see cref="Host"/> is
/// unset: the timer then does nothing and nothing is validated.
/// </summary>
public sealed class NewsletterOptions
{
    public const string Section = "Newsletters";

    /// <summary>The IMAP server; unset (the default) turns newsletters off.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 993;

    /// <summary>TLS from the first byte (port 993), STARTTLS (143), or none: loopback only, so a password never crosses a network in clear.</summary>
    public MailboxSecurity Security { get; set; } = MailboxSecurity.SslOnConnect;

    public string? User { get; set; }

    /// <summary>From the environment or Key Vault, never a file in the repository; never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Where newsletters arrive (a mail rule or the account's own address forwards them there).</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where a message goes once its text is uploaded (created if missing; '/' separates levels). Never deleted.</summary>
    public string ProcessedFolder { get; set; } = "DigestPipeline/Processed";

    /// <summary>Where a message goes when it, or one of its attachments, was refused (the reason is recorded).</summary>
    public string RefusedFolder { get; set; } = "DigestPipeline/Refused";

    /// <summary>Addresses (<c>news@example.org</c>) or whole domains (<c>@example.org</c>) whose messages are read; anyone else's are refused.</summary>
    public IList<string> AllowedSenders { get; } = [];

    /// <summary>A larger message is refused whole, without being downloaded (its size is read from the server).</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxMessageBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>A larger attachment is refused (the message's text still goes in).</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxAttachmentBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>How often the mailbox is read (the timer runs more often; a run before this is due does nothing).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Messages taken in one run; the rest at the next.</summary>
    [Range(1, 1000)]
    public int MaxMessagesPerRun { get; set; } = 50;

    /// <summary>Connection, authentication and each command.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a failed run the wait doubles from this up to <see cref="BackOffMax"/> (never below <see cref="PollEvery"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BackOffBase { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BackOffMax { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

public enum MailboxSecurity
{
    SslOnConnect,
    StartTls,

    /// <summary>Plain text: accepted only for a loopback host (a test server, a local bridge such as Proton's or DavMail).</summary>
    None,
}
