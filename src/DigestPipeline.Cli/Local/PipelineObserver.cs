using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;

namespace DigestPipeline.Cli.Local;

/// <summary>Reads the pipeline's progress from storage: document states and queue depths.</summary>
public sealed class PipelineObserver(IDocumentRecords documentRecords, IFailedWork work)
{
    public async Task<IReadOnlyList<DocumentRecord>> DocumentsAsync(CancellationToken cancellationToken)
    {
        var records = new List<DocumentRecord>();
        await foreach (var record in documentRecords.ListRecordsAsync(cancellationToken))
            records.Add(record);
        return records;
    }

    /// <summary>Approximate depth of each work queue and its poison queue (messages being processed count too).</summary>
    public Task<IReadOnlyList<WorkDepth>> QueueDepthsAsync(CancellationToken cancellationToken) => work.DepthsAsync(cancellationToken);

    /// <summary>Waits until <paramref name="done"/> holds and the work queues are empty, or throws after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilIdleAsync(Func<IReadOnlyList<DocumentRecord>, bool> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var records = await DocumentsAsync(cancellationToken);
            var depths = await QueueDepthsAsync(cancellationToken);
            if (done(records) && depths.Where(d => !d.Failed).All(d => d.Depth == 0))
                return;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"The pipeline was not idle after {timeout.TotalSeconds:0} s: {records.Count} documents, queues {string.Join(", ", depths.Select(d => $"{d.Name}={d.Depth}"))}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}
