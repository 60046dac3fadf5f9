using System.Runtime.CompilerServices;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Core.Tests.Schedules.Fakes;

/// <summary>
/// <see cref="InMemoryThemeIndex"/>, counting the queries made of it and the entries a caller actually pulled from them:
/// a caller that stops early leaves the rest unread, as it leaves the table's further pages unrequested.
/// </summary>
internal sealed class CountingThemeIndex : IThemeIndex
{
    public InMemoryThemeIndex Inner { get; } = new();

    public int Queries { get; set; }

    public int EntriesRead { get; set; }

    public Task AddAsync(DocumentSummaries summaries, CancellationToken cancellationToken) => Inner.AddAsync(summaries, cancellationToken);

    public Task RemoveAsync(DocumentSummaries summaries, CancellationToken cancellationToken) => Inner.RemoveAsync(summaries, cancellationToken);

    public IAsyncEnumerable<ThemeIndexEntry> QueryAsync(string themeId, DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        Queries++;
        return Counted(Inner.QueryAsync(themeId, after, upTo, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<ThemeIndexEntry> Counted(IAsyncEnumerable<ThemeIndexEntry> entries, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            EntriesRead++;
            yield return entry;
        }
    }
}
