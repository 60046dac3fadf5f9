namespace DigestPipeline.Core.Documents;

/// <summary>
/// A document after ingestion: decoded, normalised, split into structural blocks and sentences.
/// Every offset (block, sentence) is a character offset into <see cref="Text"/>, the normalised text.
/// </summary>
/// <param name="Sentences">The sentences themes and summaries consider: all of them, or the sample that
/// <paramref name="Sample"/> describes (each keeps its <see cref="Sentence.Index"/> among all the text's sentences).</param>
/// <param name="Sample">Set when the text had more sentences than the reader's cap; null (and absent from documents
/// stored before it existed) when the document is considered whole.</param>
/// <param name="SourceUrl">The original page (a feed item's link, a page given to <c>digest upload</c>): what digests
/// link to instead of the upload's name; null for a file uploaded by hand.</param>
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
    long SizeBytes,
    SentenceSample? Sample = null,
    Uri? SourceUrl = null)
{
    public const int SchemaVersion = 1;

    /// <summary>The sentences of the whole text, considered or not.</summary>
    public int SentencesInText => Sample?.InText ?? Sentences.Count;

    public string SentenceText(Sentence sentence) => Text.Substring(sentence.Start, sentence.Length);
}
