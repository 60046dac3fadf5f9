using System.Diagnostics;
using Azure.Storage.Blobs;

namespace DigestPipeline.Benchmarks.Load;

/// <summary>
/// Lists the <c>summaries</c> container every <see cref="PollInterval"/> and notes when each expected document's
/// summary first appears, on the run's clock. One listing request per poll (up to 5,000 names), so the watch itself
/// costs Azurite little.
/// </summary>
internal sealed class SummaryArrivals(BlobContainerClient summaries, Stopwatch clock)
{
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(100);

    public async Task<IReadOnlyDictionary<string, TimeSpan>> WaitForAsync(
        IReadOnlyCollection<string> documentIds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = documentIds.ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var deadline = clock.Elapsed + timeout;
        while (pending.Count > 0 && clock.Elapsed < deadline)
        {
            await foreach (var blob in summaries.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                var id = Path.GetFileNameWithoutExtension(blob.Name);
                if (pending.Remove(id))
                    seen[id] = clock.Elapsed;
            }

            if (pending.Count > 0)
                await Task.Delay(PollInterval, cancellationToken);
        }

        return seen;
    }
}
