using System.Collections.Concurrent;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.IntegrationTests.LocalHost;

/// <summary>A timer handler for tests: records each run (host, instant) in a log shared by the "hosts"; can fail every run.</summary>
internal sealed class RecordingTimerHandler(string name, string host, ConcurrentQueue<(string Host, DateTimeOffset Now)> runs, bool fail = false) : ITimerHandler
{
    public string Name => name;

    public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        runs.Enqueue((host, now));
        if (fail)
            throw new InvalidOperationException($"run at {now:O} failed");
        return Task.CompletedTask;
    }
}
