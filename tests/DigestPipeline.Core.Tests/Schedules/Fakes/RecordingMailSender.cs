using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

internal sealed class RecordingMailSender : IMailSender
{
    public List<EmailMessage> Sent { get; } = [];

    /// <summary>While set, every send is deferred by the relay's quota until then, as the SMTP sender does.</summary>
    public DateTimeOffset? QuotaTakenUntil { get; set; }

    /// <summary>While set, every send fails with it, as a mail server that is down does.</summary>
    public Exception? Failure { get; set; }

    public Task SendAsync(EmailMessage email, CancellationToken cancellationToken)
    {
        if (Failure is { } failure)
            throw failure;
        if (QuotaTakenUntil is { } until)
            throw new RelayQuotaDeferredException(until);
        Sent.Add(email);
        return Task.CompletedTask;
    }
}
