using System.ComponentModel.DataAnnotations;
using DigestPipeline.Core.Email;
using MailKit.Security;

namespace DigestPipeline.Mail;

/// <summary>The <c>Mail:Smtp</c> configuration section. Setting <see cref="Host"/> switches sending to SMTP.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Mail:Smtp";

    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>
    /// <c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c> or <c>Auto</c> (MailKit's
    /// choice from the port: SSL on 465, STARTTLS when offered elsewhere).
    /// </summary>
    [EnumDataType(typeof(SecureSocketOptions))]
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Authenticates when set.</summary>
    public string? UserName { get; set; }

    /// <summary>Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Connections kept open and reused; each one serves one message at a time.</summary>
    [Range(1, 64)]
    public int MaxConnections { get; set; } = 4;

    /// <summary>A connection idle longer than this is checked with NOOP before it is reused.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan IdleCheckAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of each SMTP command.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Attempts per message, the first included, when the server answers 4xx, the connection drops or a command
    /// times out. After the last one the error propagates and the queue retries the digest later.
    /// </summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Back-off before the second attempt; it doubles for each further one (with jitter), up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages handed to the server per second at most, over all connections; 0 for no limit.</summary>
    [Range(0, 100_000)]
    public int MaxMessagesPerSecond { get; set; }

    /// <summary>
    /// The relay's sending quota in messages per minute, over every instance sending through it together (shared
    /// through storage: <see cref="DigestPipeline.Core.Email.IRelayQuota"/>); 0 for none. Each attempt takes a
    /// turn, so retries count too. <see cref="MaxMessagesPerSecond"/> still applies per instance.
    /// </summary>
    [Range(0, 1_000_000)]
    public int QuotaPerMinute { get; set; }

    /// <summary>
    /// Longest wait for a turn of <see cref="QuotaPerMinute"/> while holding a digest; beyond it the digest goes back
    /// to the queue to be sent when its turn is near (well under Digests:ClaimTimeout, so no claim goes stale waiting).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan QuotaMaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Everything but the password.</summary>
    public override string ToString() =>
        $"{Host}:{Port} ({Security}, user {(string.IsNullOrEmpty(UserName) ? "none" : UserName)}, {MaxConnections} connections"
        + $"{(MaxMessagesPerSecond > 0 ? $", {MaxMessagesPerSecond} messages/s" : "")}{(QuotaPerMinute > 0 ? $", relay quota {QuotaPerMinute}/min" : "")})";
}
