using System.Diagnostics;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Mail;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace DigestPipeline.Benchmarks.Digests;

/// <summary>
/// Digests sent through <see cref="SmtpMailSender"/> as the digest handler sends them: each send builds its MIME
/// message, then waits for a pooled connection. Twice as many sends are in flight as there are connections, so
/// that building the next message overlaps the SMTP exchange of the current one.
/// </summary>
internal static class PoolSendMeasurement
{
    public static async Task<SendResult> RunAsync(string sink, int port, int connections, IReadOnlyList<EmailMessage> emails, int messages, int warmUp)
    {
        var options = OptionsFactory.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Security = SecureSocketOptions.None,
            MaxConnections = connections,
            MaxAttempts = 1,
        });
        await using var sender = new SmtpMailSender(options, NullLogger<SmtpMailSender>.Instance);
        await SendAsync(sender, emails, warmUp, connections * 2);
        var clock = Stopwatch.StartNew();
        await SendAsync(sender, emails, messages, connections * 2);
        clock.Stop();
        return new SendResult(sink, "SmtpMailSender pool", connections, messages, clock.Elapsed);
    }

    private static async Task SendAsync(SmtpMailSender sender, IReadOnlyList<EmailMessage> emails, int messages, int inFlight)
    {
        var next = -1;
        var workers = Enumerable.Range(0, inFlight).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < messages; i = Interlocked.Increment(ref next))
                await sender.SendAsync(emails[i % emails.Count], CancellationToken.None);
        });
        await Task.WhenAll(workers);
    }
}
