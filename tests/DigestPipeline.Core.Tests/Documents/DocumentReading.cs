using System.Text;
using DigestPipeline.Core.Documents;
using Microsoft.Extensions.Time.Testing;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>Shared helpers of the document tests: reading text or the seed through a default <see cref="DocumentReader"/> whose clock stands still.</summary>
internal static class DocumentReading
{
    public static readonly DateTimeOffset ReceivedAt = new(2025, 12, 8, 9, 0, 0, TimeSpan.Zero);

    public static string SeedPath => Path.Combine(AppContext.BaseDirectory, "seeds", "documents", "fr-tech-basel-ai-summit-miami.txt");

    public static byte[] SeedBytes() => File.ReadAllBytes(SeedPath);

    public static SourceDocument ReadSeed() => Read("fr-tech-basel-ai-summit-miami.txt", SeedBytes());

    public static SourceDocument Read(string name, byte[] content, long maxBytes = 10 * 1024 * 1024)
        => Reader(new DocumentReaderOptions { MaxBytes = maxBytes }).Read(name, content, ReceivedAt);

    /// <summary>
    /// A reader whose clock never moves, for the tests that are not about time: on a loaded machine (load average 16–20
    /// on 2 cores has been seen) a large input can take longer than <see cref="DocumentReaderOptions.MaxReadTime"/> in
    /// wall-clock time, and the test would get <c>TimedOut</c> instead of its answer.
    /// </summary>
    public static DocumentReader Reader(DocumentReaderOptions options) => new(options, new FakeTimeProvider());

    public static SourceDocument ReadText(string name, string text) => Read(name, Encoding.UTF8.GetBytes(text));

    public static string BlockText(this SourceDocument document, DocumentBlock block) => document.Text.Substring(block.Start, block.Length);

    public static IEnumerable<string> BlockTexts(this SourceDocument document, BlockKind kind)
        => document.Blocks.Where(b => b.Kind == kind).Select(document.BlockText);

    public static IEnumerable<string> SentenceTexts(this SourceDocument document) => document.Sentences.Select(document.SentenceText);

    /// <summary>The sentences of one paragraph split directly, for the given language.</summary>
    public static string[] SplitParagraph(string paragraph, string language)
    {
        var blocks = new[] { new DocumentBlock(BlockKind.Paragraph, 0, paragraph.Length, 0) };
        return DocumentSentences.Split(paragraph, blocks, language).Select(s => paragraph.Substring(s.Start, s.Length)).ToArray();
    }
}
