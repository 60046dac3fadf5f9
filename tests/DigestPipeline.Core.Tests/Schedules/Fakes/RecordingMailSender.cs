using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

internal sealed class RecordingMailSender : IMailSender
{
    public List<EmailMessage> Sent { get; } = [];

    /// <summary>While set, every send is deferred by the relay's quota until then, as the SMTP sender does.</summary>
    public DateTimeOffset? QuotaTakenUntil { get; set; }

    public Task SendAsync(EmailMessage email, CancellationToken cancellationToken)
    {
        if (QuotaTakenUntil is { } until)
            throw new RelayQuotaDeferredException(until);
        Sent.Add(email);
        return Task.CompletedTask;
    }
}
