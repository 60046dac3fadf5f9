using System.Globalization;

namespace DigestPipeline.Core.Documents.Formats;

/// <summary>
/// The time one document may take to be read (extraction, structure, sentences, language). Checked between
/// stages and inside the extractors' and readers' loops (<see cref="Step"/>), so that a slow document stops where
/// it is instead of at the next stage; past it the upload is rejected, and the caller's cancellation is honoured
/// as cancellation, not as a rejection.
/// </summary>
internal sealed class ReadBudget(string sourceName, TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
{
    /// <summary>Units of work (XML elements, lines, nodes, sentences) between two looks at the clock: a look costs about 25 ns.</summary>
    public const int StepsPerCheck = 256;

    private readonly long _start = time.GetTimestamp();
    private int _steps;

    public string SourceName { get; } = sourceName;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public void ThrowIfExceeded()
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (time.GetElapsedTime(_start) > limit)
        {
            throw new DocumentRejectedException(RejectionReason.TimedOut, string.Create(CultureInfo.InvariantCulture,
                $"'{SourceName}' took longer than the {limit.TotalSeconds:0.###} s allowed to read one document."));
        }
    }

    /// <summary>Counts one unit of work of a loop and checks the budget every <see cref="StepsPerCheck"/> of them.</summary>
    public void Step()
    {
        if (++_steps % StepsPerCheck == 0) ThrowIfExceeded();
    }
}
