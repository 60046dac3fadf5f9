namespace DigestPipeline.Core.Documents;

/// <summary>
/// Turns the bytes of an upload into a <see cref="SourceDocument"/>: size cap, type sniffed from the bytes,
/// decoding, normalisation, structure, sentences, language and the content hash that is the document id.
/// </summary>
public sealed class DocumentReader(DocumentReaderOptions options)
{
    /// <exception cref="DocumentRejectedException">empty, too large, binary or without any text.</exception>
    public SourceDocument Read(string sourceName, ReadOnlySpan<byte> content, DateTimeOffset receivedAt)
        => throw new NotImplementedException(options.ToString());
}
