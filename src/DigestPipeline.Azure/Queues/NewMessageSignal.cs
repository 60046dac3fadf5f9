using System.Collections.Concurrent;

namespace DigestPipeline.Azure.Queues;

/// <summary>
/// Tells this process's queue listeners that a message was just sent to their queue, so that they poll at once
/// instead of waiting out their back-off, as the Functions host does for messages its own functions write. Messages
/// from other processes are still found by polling.
/// </summary>
public sealed class NewMessageSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _armed = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next <see cref="Notify"/> for <paramref name="queue"/>. Arm before polling, so no message slips between.</summary>
    public Task Arm(string queue) =>
        _armed.GetOrAdd(queue, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string queue)
    {
        if (_armed.TryRemove(queue, out var armed))
            armed.TrySetResult();
    }
}
