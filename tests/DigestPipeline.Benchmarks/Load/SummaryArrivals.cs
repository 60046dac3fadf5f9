using System.Collections.Concurrent;
using System.Diagnostics;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Benchmarks.Load;

/// <summary>
/// Notes when each document's <c>summarize</c> handler completed, on the run's clock, from the pipeline's own spans
/// in this process. Watching costs Azurite nothing: listing the <c>summaries</c> container instead, every 100 ms,
/// took up to 60 ms of Azurite's one core per listing at 1,000 summaries, a sixth of what the host run was measured
/// against. Whether each summary was stored is checked once, at the end.
/// </summary>
internal sealed class SummaryArrivals : IDisposable
{
    private readonly Stopwatch _clock;
    private readonly ConcurrentDictionary<string, TimeSpan> _arrived = new(StringComparer.Ordinal);
    private readonly ActivityListener _listener;
    private readonly SemaphoreSlim _progress = new(0);

    public SummaryArrivals(Stopwatch clock)
    {
        _clock = clock;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PipelineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Waits until every one of <paramref name="documentIds"/> was summarized, or <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyDictionary<string, TimeSpan>> WaitForAsync(
        IReadOnlyCollection<string> documentIds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _clock.Elapsed + timeout;
        while (!documentIds.All(_arrived.ContainsKey) && _clock.Elapsed < deadline)
            await _progress.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);

        return documentIds.Where(_arrived.ContainsKey).ToDictionary(id => id, id => _arrived[id], StringComparer.Ordinal);
    }

    /// <summary>Waits until <paramref name="count"/> documents were summarized (whichever they are), or <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyCollection<TimeSpan>> WaitForCountAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _clock.Elapsed + timeout;
        while (_arrived.Count < count && _clock.Elapsed < deadline)
            await _progress.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);

        return _arrived.Values.ToArray();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _progress.Dispose();
    }

    private void OnStopped(Activity span)
    {
        if (span.OperationName != StorageNames.SummarizeQueue || span.Status == ActivityStatusCode.Error)
            return;
        if (span.GetTagItem(PipelineTelemetry.DocumentIdTag) is string documentId && _arrived.TryAdd(documentId, _clock.Elapsed))
            _progress.Release();
    }
}
