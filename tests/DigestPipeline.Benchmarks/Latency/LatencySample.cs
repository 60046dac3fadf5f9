namespace DigestPipeline.Benchmarks.Latency;

/// <summary>One upload: time from the upload call's return until <c>documents/{id}.json</c> and <c>summaries/{id}.json</c> existed.</summary>
/// <param name="ToDocument">null: not seen before the timeout (or only together with the summary).</param>
/// <param name="ToSummary">null: the summary did not appear within the timeout.</param>
internal sealed record LatencySample(string DocumentId, TimeSpan? ToDocument, TimeSpan? ToSummary)
{
    public bool Succeeded => ToSummary is not null;
}
