using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

internal sealed class RecordingWorkQueue : IWorkQueue
{
    private readonly Queue<(string Queue, string Text)> _messages = new();

    public Task SendAsync(string queue, string messageText, CancellationToken cancellationToken)
    {
        _messages.Enqueue((queue, messageText));
        return Task.CompletedTask;
    }

    public void Return((string Queue, string Text) message) => _messages.Enqueue(message);

    public bool TryTake(out (string Queue, string Text) message) => _messages.TryDequeue(out message);
}
