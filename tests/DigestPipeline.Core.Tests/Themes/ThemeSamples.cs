using System.Text;
using System.Text.RegularExpressions;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Documents;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Tests.Themes;

/// <summary>
/// Shared helpers of the theme and summary tests: the sample taxonomy and seed article of <c>seeds/</c>, and small
/// documents built by hand (blocks, sections and sentences) so that theme tests do not depend on the reader's rules.
/// </summary>
internal static partial class ThemeSamples
{
    public static readonly DateTimeOffset At = new(2025, 12, 8, 9, 0, 0, TimeSpan.Zero);

    public static string SeedsPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "seeds", .. parts]);

    public static ThemeTaxonomy SeedTaxonomy()
    {
        using var stream = File.OpenRead(SeedsPath("themes.json"));
        return ThemeTaxonomy.Load(stream);
    }

    public static ThemeTaxonomy Taxonomy(string json) => ThemeTaxonomy.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    public static SourceDocument ReadSeedArticle() =>
        DocumentReading.Reader(new DocumentReaderOptions())
            .Read("fr-tech-basel-ai-summit-miami.txt", File.ReadAllBytes(SeedsPath("documents", "fr-tech-basel-ai-summit-miami.txt")), At);

    public static DocumentSummaries Summarize(SourceDocument document, ThemeTaxonomy? taxonomy = null, SummarizerOptions? options = null) =>
        new DocumentSummarizer(taxonomy ?? SeedTaxonomy(), options ?? new SummarizerOptions()).Summarize(document, At);

    public static (BlockKind Kind, string Text) Title(string text) => (BlockKind.Title, text);

    public static (BlockKind Kind, string Text) Heading(string text) => (BlockKind.Heading, text);

    public static (BlockKind Kind, string Text) Paragraph(string text) => (BlockKind.Paragraph, text);

    public static (BlockKind Kind, string Text) Item(string text) => (BlockKind.ListItem, text);

    /// <summary>
    /// A document built by hand: blocks separated by blank lines, a section per heading (the lead is section 0),
    /// paragraphs cut into sentences after <c>.</c>, <c>?</c> or <c>!</c> followed by a space.
    /// </summary>
    public static SourceDocument Document(string language, params (BlockKind Kind, string Text)[] parts)
    {
        var text = new StringBuilder();
        var blocks = new List<DocumentBlock>();
        var sentences = new List<Sentence>();
        var sections = new List<(string Heading, int Start)>();
        var title = parts.FirstOrDefault(p => p.Kind == BlockKind.Title).Text ?? "";
        sections.Add((title, 0));
        foreach (var (kind, content) in parts)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            var start = text.Length;
            if (kind == BlockKind.Heading)
            {
                sections.Add((content, start));
            }

            text.Append(content);
            var block = blocks.Count;
            var section = sections.Count - 1;
            blocks.Add(new DocumentBlock(kind, start, content.Length, section));
            if (kind == BlockKind.Paragraph)
            {
                var at = 0;
                foreach (Match end in SentenceEnd().Matches(content))
                {
                    sentences.Add(new Sentence(sentences.Count, start + at, end.Index + 1 - at, block, section));
                    at = end.Index + end.Length;
                }

                if (at < content.Length)
                {
                    sentences.Add(new Sentence(sentences.Count, start + at, content.Length - at, block, section));
                }
            }
            else
            {
                sentences.Add(new Sentence(sentences.Count, start, content.Length, block, section));
            }
        }

        var all = text.ToString();
        var documentSections = sections
            .Select((s, i) => new DocumentSection(i, s.Heading, s.Start, (i + 1 < sections.Count ? sections[i + 1].Start : all.Length) - s.Start))
            .ToArray();
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(all)));
        return new SourceDocument(id, "hand-made.txt", language, title, all, blocks, documentSections, sentences, At, Encoding.UTF8.GetByteCount(all));
    }

    [GeneratedRegex(@"[.?!](\s+)")]
    private static partial Regex SentenceEnd();
}
