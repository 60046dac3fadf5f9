using System.Threading.RateLimiting;
using DigestPipeline.IntegrationTests.Infrastructure;
using DigestPipeline.Mail;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DigestPipeline.IntegrationTests.Mail;

/// <summary>SMTP senders aimed at a <see cref="ScriptedSmtpPeer"/>, with back-off delays of milliseconds.</summary>
internal static class PeerSenders
{
    public static SmtpOptions Options(ScriptedSmtpPeer peer, int maxConnections = 1, int maxAttempts = 3, int maxMessagesPerSecond = 0) => new()
    {
        Host = peer.Host,
        Port = peer.Port,
        Security = SecureSocketOptions.None,
        MaxConnections = maxConnections,
        MaxAttempts = maxAttempts,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(10),
        MaxMessagesPerSecond = maxMessagesPerSecond,
    };

    public static SmtpMailSender Sender(SmtpOptions options, RateLimiter? rateLimiter = null) => rateLimiter is null
        ? new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(options), NullLogger<SmtpMailSender>.Instance)
        : new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(options), NullLogger<SmtpMailSender>.Instance, rateLimiter);
}
