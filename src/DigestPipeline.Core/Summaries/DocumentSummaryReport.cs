using DigestPipeline.Core.Documents;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// One summarized document as a person or a script reads it (<c>digest summarize</c>): what the reader found (id,
/// language, title, sections) and each theme's summary, every sentence with its section and offsets into
/// <see cref="Text"/>, the normalised text.
/// </summary>
public sealed record DocumentSummaryReport(
    string Id,
    string SourceName,
    string Language,
    string Title,
    long SizeBytes,
    IReadOnlyList<SectionReport> Sections,
    IReadOnlyList<ThemeReport> Themes,
    string Text)
{
    public static DocumentSummaryReport Create(SourceDocument document, DocumentSummaries summaries)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(summaries);
        var sections = document.Sections
            .Select(section => new SectionReport(
                section.Index,
                section.Heading,
                section.Start,
                section.Length,
                Paragraphs: document.Blocks.Count(b => b.SectionIndex == section.Index && b.Kind is BlockKind.Paragraph or BlockKind.Standfirst),
                ListItems: document.Blocks.Count(b => b.SectionIndex == section.Index && b.Kind == BlockKind.ListItem),
                Sentences: document.Sentences.Count(s => s.SectionIndex == section.Index)))
            .ToList();
        var themes = summaries.Themes
            .Select(theme => new ThemeReport(
                theme.ThemeId,
                theme.Label(document.Language),
                theme.Discovered,
                theme.Score,
                theme.KeyPhrases,
                theme.Sentences.Select(s => new SentenceReport(s.Section, s.Start, s.Length, s.Score, s.Text)).ToList()))
            .ToList();
        return new DocumentSummaryReport(document.Id, document.SourceName, document.Language, document.Title, document.SizeBytes, sections, themes, document.Text);
    }
}

/// <param name="Paragraphs">Paragraphs, the standfirst counted as one.</param>
/// <param name="Sentences">Sentences, headings and list items included (each is a sentence of its own).</param>
public sealed record SectionReport(int Index, string Heading, int Start, int Length, int Paragraphs, int ListItems, int Sentences);

/// <param name="Label">In the document's language when the taxonomy has it.</param>
/// <param name="Discovered">From the document's own headings, not the taxonomy.</param>
public sealed record ThemeReport(string Id, string Label, bool Discovered, double Score, IReadOnlyList<string> KeyPhrases, IReadOnlyList<SentenceReport> Sentences);

/// <summary>A summary sentence: <see cref="Text"/> is the document's text in [<see cref="Start"/>, <see cref="Start"/> + <see cref="Length"/>).</summary>
/// <param name="Section">Heading of the section it comes from.</param>
public sealed record SentenceReport(string Section, int Start, int Length, double Score, string Text);
