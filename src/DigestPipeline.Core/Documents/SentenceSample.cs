namespace DigestPipeline.Core.Documents;

/// <summary>
/// Says that a document had more sentences than <see cref="DocumentReaderOptions.MaxSentences"/>: its themes and
/// summaries considered <see cref="Considered"/> of its <see cref="InText"/> sentences, spread over every section
/// (<see cref="SentenceSampler"/>). A document without one was considered whole.
/// </summary>
public sealed record SentenceSample(int Considered, int InText);
