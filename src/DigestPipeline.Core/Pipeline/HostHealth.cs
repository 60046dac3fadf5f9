using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// What a host's loops (blob watcher, each queue listener, each timer, the web pages) last saw of storage: each loop
/// reports every turn that reached storage and every turn that failed. A loop whose storage calls start failing is
/// logged once, with the error; its first successful turn afterwards is logged once, with the outage's length. In
/// between the loop backs off and keeps trying: no storage failure stops a loop (the Functions host's queue listener
/// behaves the same way). <c>/readyz</c> and <c>digest status</c> show <see cref="Snapshot"/>.
/// </summary>
public sealed class HostHealth(TimeProvider time, ILogger<HostHealth> logger)
{
    private readonly ConcurrentDictionary<string, LoopState> _loops = new(StringComparer.Ordinal);

    /// <summary>When this host started (the object was created).</summary>
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    /// <summary>Outages seen so far (a loop whose calls went from succeeding to failing), for tests and status.</summary>
    public int Outages => _loops.Values.Sum(l => l.Outages);

    /// <summary>Declares a loop before its first turn, so that readiness waits for it.</summary>
    public void Register(string loop) => _loops.GetOrAdd(loop, _ => new LoopState());

    /// <summary>A turn of <paramref name="loop"/> reached storage.</summary>
    public void Succeeded(string loop)
    {
        var state = _loops.GetOrAdd(loop, _ => new LoopState());
        var now = time.GetUtcNow();
        DateTimeOffset? failingSince;
        lock (state)
        {
            state.LastSuccess = now;
            failingSince = state.FailingSince;
            state.FailingSince = null;
            state.LastError = null;
        }

        if (failingSince is { } since)
            logger.LogWarning("{Loop}: storage reachable again after {Outage:g}; resuming", loop, now - since);
    }

    /// <summary>A one-off task (not a loop) reached storage: logged like a success, then no longer followed by readiness.</summary>
    public void Finished(string loop)
    {
        Succeeded(loop);
        _loops.TryRemove(loop, out _);
    }

    /// <summary>A turn of <paramref name="loop"/> failed on storage; the loop retries after <paramref name="retryIn"/>.</summary>
    public void Failed(string loop, Exception error, TimeSpan retryIn)
    {
        var state = _loops.GetOrAdd(loop, _ => new LoopState());
        var now = time.GetUtcNow();
        bool first;
        lock (state)
        {
            first = state.FailingSince is null;
            state.FailingSince ??= now;
            state.LastFailure = now;
            state.LastError = Summary(error);
            if (first)
                state.Outages++;
        }

        // One line when a loop starts failing, with the innermost error (the SDK's AggregateException holds one
        // exception per retry, dozens of stack lines); the whole exception at Debug, every time.
        if (first)
            logger.LogError("{Loop}: storage unreachable ({Error}); retrying with back-off (up to {RetryIn:g} apart) until it answers", loop, Summary(error), retryIn);
        logger.LogDebug(error, "{Loop}: storage call failed", loop);
    }

    /// <summary>
    /// Each loop's state. The host is ready when no loop is failing and every loop has had a successful turn within
    /// <paramref name="staleAfter"/> (a loop that stopped turning is not ready either).
    /// </summary>
    public HealthSnapshot Snapshot(TimeSpan staleAfter)
    {
        var now = time.GetUtcNow();
        var loops = _loops.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l =>
        {
            lock (l.Value)
            {
                var state = l.Value;
                var stale = state.LastSuccess is not { } last || now - last > staleAfter;
                return new LoopHealth(l.Key, state.FailingSince is null && !stale, state.LastSuccess, state.FailingSince, state.LastError, state.Outages);
            }
        }).ToList();
        var storageFailingSince = loops.Where(l => l.FailingSince is not null).Select(l => l.FailingSince).Min();
        return new HealthSnapshot(loops.Count > 0 && loops.All(l => l.Ready), now, StartedAt, storageFailingSince, loops);
    }

    /// <summary>The innermost message: the SDK wraps storage failures in an AggregateException of its retries.</summary>
    private static string Summary(Exception error)
    {
        var inner = error;
        while (inner is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            inner = aggregate.InnerExceptions[^1];
        var message = inner.Message.ReplaceLineEndings(" ");
        return $"{inner.GetType().Name}: {(message.Length > 200 ? message[..200] + "…" : message)}";
    }

    private sealed class LoopState
    {
        public DateTimeOffset? LastSuccess { get; set; }
        public DateTimeOffset? LastFailure { get; set; }
        public DateTimeOffset? FailingSince { get; set; }
        public string? LastError { get; set; }
        public int Outages { get; set; }
    }
}

/// <summary>A host's health at <see cref="At"/>: what <c>/readyz</c> answers.</summary>
/// <param name="StorageFailingSince">The earliest start of a current outage among the loops, if any loop is failing.</param>
public sealed record HealthSnapshot(bool Ready, DateTimeOffset At, DateTimeOffset StartedAt, DateTimeOffset? StorageFailingSince, IReadOnlyList<LoopHealth> Loops);

/// <summary>One loop: its last successful turn and, while failing, since when and why.</summary>
public sealed record LoopHealth(string Name, bool Ready, DateTimeOffset? LastSuccess, DateTimeOffset? FailingSince, string? LastError, int Outages);
