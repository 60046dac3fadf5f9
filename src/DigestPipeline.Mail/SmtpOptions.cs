using System.ComponentModel.DataAnnotations;
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

    /// <summary>Everything but the password.</summary>
    public override string ToString() =>
        $"{Host}:{Port} ({Security}, user {(string.IsNullOrEmpty(UserName) ? "none" : UserName)}, {MaxConnections} connections)";
}
