using System.Collections.Concurrent;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.IntegrationTests.LocalHost;

/// <summary>
/// A timer handler for tests: records each run (host, instant) in a log shared by the "hosts"; can fail every run.
/// Its own schedule is once a year unless given, so that the tests' <c>LocalHost:TimerSchedule</c> decides.
/// </summary>
internal sealed class RecordingTimerHandler(
    string name, string host, ConcurrentQueue<(string Host, DateTimeOffset Now)> runs, bool fail = false, string schedule = "0 0 1 1 *") : ITimerHandler
{
    public string Name => name;

    public string Schedule => schedule;

    public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        runs.Enqueue((host, now));
        if (fail)
            throw new InvalidOperationException($"run at {now:O} failed");
        return Task.CompletedTask;
    }
}
