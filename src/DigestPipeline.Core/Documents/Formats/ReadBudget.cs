using System.Globalization;

namespace DigestPipeline.Core.Documents.Formats;

/// <summary>
/// The time one document may take to be read (extraction, structure, sentences, language). Checked between
/// stages and inside the extractors' loops; past it the upload is rejected, and the caller's cancellation is
/// honoured as cancellation, not as a rejection.
/// </summary>
internal sealed class ReadBudget(string sourceName, TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
{
    private readonly long _start = time.GetTimestamp();

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public void ThrowIfExceeded()
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (time.GetElapsedTime(_start) > limit)
        {
            throw new DocumentRejectedException(RejectionReason.TimedOut, string.Create(CultureInfo.InvariantCulture,
                $"'{sourceName}' took longer than the {limit.TotalSeconds:0.###} s allowed to read one document."));
        }
    }
}
