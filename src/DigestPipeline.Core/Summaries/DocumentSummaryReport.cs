using DigestPipeline.Core.Documents;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// One summarized document as a person or a script reads it (<c>digest summarize</c>): what the reader found (id,
/// language, title, sections, how many sentences were considered) and each theme's summary, every sentence with its
/// section and offsets into <see cref="Text"/>, the normalised text.
/// </summary>
/// <param name="SentencesInText">Sentences of the whole text.</param>
/// <param name="SentencesConsidered">Sentences themes and summaries considered: all of them unless <paramref name="Sampled"/>.</param>
/// <param name="Sampled">The document had more sentences than <c>Documents__MaxSentences</c>: those considered were spread over every section.</param>
public sealed record DocumentSummaryReport(
    string Id,
    string SourceName,
    string Language,
    string Title,
    long SizeBytes,
    int SentencesInText,
    int SentencesConsidered,
    bool Sampled,
    IReadOnlyList<SectionReport> Sections,
    IReadOnlyList<ThemeReport> Themes,
    string Text)
{
    /// <summary>Linear in the document: blocks and sentences are counted per section in one pass each (a 20 MB report has 9,000 sections).</summary>
    public static DocumentSummaryReport Create(SourceDocument document, DocumentSummaries summaries)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(summaries);
        var sectionCount = 0;
        foreach (var section in document.Sections)
        {
            sectionCount = Math.Max(sectionCount, section.Index + 1);
        }

        var paragraphs = new int[sectionCount];
        var listItems = new int[sectionCount];
        var sentences = new int[sectionCount];
        foreach (var block in document.Blocks)
        {
            if (block.SectionIndex >= 0 && block.SectionIndex < sectionCount)
            {
                paragraphs[block.SectionIndex] += block.Kind is BlockKind.Paragraph or BlockKind.Standfirst ? 1 : 0;
                listItems[block.SectionIndex] += block.Kind == BlockKind.ListItem ? 1 : 0;
            }
        }

        foreach (var sentence in document.Sentences)
        {
            if (sentence.SectionIndex >= 0 && sentence.SectionIndex < sectionCount)
            {
                sentences[sentence.SectionIndex]++;
            }
        }

        var sectionReports = new List<SectionReport>(document.Sections.Count);
        foreach (var section in document.Sections)
        {
            sectionReports.Add(new SectionReport(
                section.Index, section.Heading, section.Start, section.Length,
                Paragraphs: section.Index >= 0 ? paragraphs[section.Index] : 0,
                ListItems: section.Index >= 0 ? listItems[section.Index] : 0,
                Sentences: section.Index >= 0 ? sentences[section.Index] : 0));
        }

        var themes = summaries.Themes
            .Select(theme => new ThemeReport(
                theme.ThemeId,
                theme.Label(document.Language),
                theme.Discovered,
                theme.Score,
                theme.KeyPhrases,
                theme.Sentences.Select(s => new SentenceReport(s.Section, s.Start, s.Length, s.Score, s.Text)).ToList()))
            .ToList();
        return new DocumentSummaryReport(document.Id, document.SourceName, document.Language, document.Title, document.SizeBytes,
            document.SentencesInText, document.Sentences.Count, document.Sample is not null, sectionReports, themes, document.Text);
    }
}

/// <param name="Paragraphs">Paragraphs, the standfirst counted as one.</param>
/// <param name="Sentences">Sentences considered, headings and list items included (each is a sentence of its own).</param>
public sealed record SectionReport(int Index, string Heading, int Start, int Length, int Paragraphs, int ListItems, int Sentences);

/// <param name="Label">In the document's language when the taxonomy has it.</param>
/// <param name="Discovered">From the document's own headings, not the taxonomy.</param>
public sealed record ThemeReport(string Id, string Label, bool Discovered, double Score, IReadOnlyList<string> KeyPhrases, IReadOnlyList<SentenceReport> Sentences);

/// <summary>A summary sentence: <see cref="Text"/> is the document's text in [<see cref="Start"/>, <see cref="Start"/> + <see cref="Length"/>).</summary>
/// <param name="Section">Heading of the section it comes from.</param>
public sealed record SentenceReport(string Section, int Start, int Length, double Score, string Text);
