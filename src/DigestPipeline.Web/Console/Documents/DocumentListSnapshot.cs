using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Web.Console.Documents;

/// <summary>
/// The Documents table as the console's list reads it: every row, newest first, taken at most
/// <see cref="ConsoleDocumentsOptions.ListFreshFor"/> ago, and one read shared by every request that arrives while it
/// runs.
/// </summary>
/// <remarks>
/// Why a snapshot rather than a narrower query: the list filters, searches and counts over every row, and the table
/// cannot (no secondary index, no contains, no accent folding), so each request would scan it whole. Measured here
/// (<c>dotnet run -c Release --project tests/DigestPipeline.Benchmarks -- console</c>, docs/performance.md) that scan
/// takes 148–218 ms (p50) for 10,000 rows on Azurite, 189–218 ms a page under 4 clients, against 3–7 ms a page from a snapshot;
/// a projection of the listed columns would save little, since they are nearly all of the row. One read every few
/// seconds, shared, keeps a page at a few milliseconds while an operator still sees an upload within seconds, and a
/// removal at once (<see cref="Invalidate"/>).
/// A failed read is not kept: its requests fail with it, and the next request reads again.
/// </remarks>
internal sealed class DocumentListSnapshot(IDocumentRecords records, TimeProvider time, IOptions<ConsoleDocumentsOptions> options)
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _freshFor = options.Value.ListFreshFor;
    private Task<IReadOnlyList<ListedDocument>>? _current;
    private DateTimeOffset _startedAt;

    /// <summary>Every row, newest first: the current snapshot, or a new one when it is older than allowed.</summary>
    public Task<IReadOnlyList<ListedDocument>> GetAsync(CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<ListedDocument>> current;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_current is null || _current.IsFaulted || _current.IsCanceled || (_current.IsCompleted && now - _startedAt >= _freshFor))
            {
                _startedAt = now;
                // Not the request's token: other requests wait for this read too.
                _current = ReadAsync();
            }

            current = _current;
        }

        return current.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets the snapshot, so that the next request reads the table again (after a removal).</summary>
    public void Invalidate()
    {
        lock (_gate)
            _current = null;
    }

    private async Task<IReadOnlyList<ListedDocument>> ReadAsync()
    {
        var rows = new List<ListedDocument>();
        await foreach (var record in records.ListRecordsAsync(CancellationToken.None))
            rows.Add(new ListedDocument(record, TextFolding.Fold(record.Title + "\n" + record.SourceName)));
        rows.Sort((a, b) => b.Record.UpdatedAt.CompareTo(a.Record.UpdatedAt) is var byTime and not 0 ? byTime : string.CompareOrdinal(a.Record.Id, b.Record.Id));
        return rows;
    }
}

/// <summary>A row of the list with what the search box matches: its title and source name, case and accents folded.</summary>
internal sealed record ListedDocument(DocumentRecord Record, string SearchText);
