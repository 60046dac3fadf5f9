using DigestPipeline.Core.Digests;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

internal sealed class RecordingMailSender : IMailSender
{
    public List<DigestEmail> Sent { get; } = [];

    public Task SendAsync(DigestEmail email, CancellationToken cancellationToken)
    {
        Sent.Add(email);
        return Task.CompletedTask;
    }
}
