namespace DigestPipeline.Core.Documents;

/// <summary>
/// A document after ingestion: decoded, normalised, split into structural blocks and sentences.
/// Every offset (block, sentence) is a character offset into <see cref="Text"/>, the normalised text.
/// </summary>
public sealed record SourceDocument(
    string Id,
    string SourceName,
    string Language,
    string Title,
    string Text,
    IReadOnlyList<DocumentBlock> Blocks,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<Sentence> Sentences,
    DateTimeOffset ReceivedAt,
    long SizeBytes)
{
    public const int SchemaVersion = 1;

    public string SentenceText(Sentence sentence) => Text.Substring(sentence.Start, sentence.Length);
}
