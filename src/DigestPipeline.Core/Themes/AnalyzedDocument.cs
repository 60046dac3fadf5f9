using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Core.Themes;

/// <summary>A document's sentences with their structural role and their content words (stop words dropped), tokenized once.</summary>
internal sealed class AnalyzedDocument
{
    private AnalyzedDocument(SourceDocument source, StemmerCache stems, AnalyzedSentence[] sentences, int sectionCount)
    {
        Source = source;
        Stems = stems;
        Sentences = sentences;
        SectionCount = sectionCount;
    }

    public SourceDocument Source { get; }

    public StemmerCache Stems { get; }

    public IReadOnlyList<AnalyzedSentence> Sentences { get; }

    /// <summary>Sections referenced by the document or its sentences (at least 1: the lead).</summary>
    public int SectionCount { get; }

    /// <summary>Per sentence, the last item of the list it introduces, or -1 (<see cref="Summaries.IntroducedList"/>): found once per document.</summary>
    public int[] ListEnds => field ??= IntroducedList.LastItems(this);

    /// <summary>
    /// Whether a sentence may be summarized: a body sentence with words; in a document without body text (every block
    /// a heading: a DOCX, Markdown or HTML outline, a list of headlines), its headings, or its title when it has
    /// nothing else, so that every document with text has a summary.
    /// </summary>
    public bool IsCandidate(AnalyzedSentence sentence) => sentence.Words.Length > 0 && (!sentence.IsHeading || sentence.Kind == StandInKind);

    /// <summary>Whether the document has no body sentence with words, only a title and headings.</summary>
    public bool HasNoBody => StandInKind is not null;

    /// <summary>Null when the document has body text; else what stands in for it: its headings, or its title when it has none.</summary>
    private BlockKind? StandInKind
    {
        get
        {
            if (!_standInFound)
            {
                _standIn = FindStandIn();
                _standInFound = true;
            }

            return _standIn;
        }
    }

    private BlockKind? _standIn;
    private bool _standInFound;

    private BlockKind? FindStandIn()
    {
        if (Sentences.Any(s => !s.IsHeading && s.Words.Length > 0)) return null;
        return Sentences.Any(s => s.Kind == BlockKind.Heading && s.Words.Length > 0) ? BlockKind.Heading : BlockKind.Title;
    }

    /// <summary>
    /// Whether the text has lower-case letters and no capital (a lower-cased release such as CNN/DailyMail's): then a
    /// sentence's first letter says nothing about it. Found once per document.
    /// </summary>
    public bool IsCaseless => _caseless ??= TextCasing.HasNoCapitals(Source.Text);

    private bool? _caseless;

    public string SectionHeading(int sectionIndex) =>
        sectionIndex >= 0 && sectionIndex < Source.Sections.Count ? Source.Sections[sectionIndex].Heading
        : sectionIndex == 0 ? Source.Title
        : "";

    public ReadOnlySpan<char> SentenceText(int sentence)
    {
        var source = Sentences[sentence].Source;
        return Source.Text.AsSpan(source.Start, source.Length);
    }

    /// <summary>The sentence's length in words, as a <see cref="Summaries.SummaryBudget"/> counts them.</summary>
    public int WordCount(int sentence)
    {
        var source = Sentences[sentence].Source;
        return Language.WordCount.Of(Source.Text.AsSpan(source.Start, source.Length));
    }

    /// <summary>The most tokens the thread's scratch list keeps room for between documents.</summary>
    private const int MaxScratchTokens = 4096;

    /// <summary>
    /// The thread's scratch list of a sentence's tokens, kept between documents: a new list per document grew, copy by
    /// copy, to the length of its longest sentence.
    /// </summary>
    [ThreadStatic]
    private static List<Token>? t_tokens;

    public static AnalyzedDocument Analyze(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var stems = StemmerCache.For(document.Language);
        var sentences = new AnalyzedSentence[document.Sentences.Count];
        var tokens = t_tokens ?? [];
        t_tokens = null;
        var sectionCount = Math.Max(1, document.Sections.Count);
        var lastSectionWithBody = -1;
        for (var i = 0; i < sentences.Length; i++)
        {
            var sentence = document.Sentences[i];
            if (sentence.Start < 0 || sentence.Length < 0 || sentence.Start + sentence.Length > document.Text.Length)
            {
                throw new ArgumentException($"Sentence {i} of document {document.Id} lies outside its text.", nameof(document));
            }

            var kind = sentence.BlockIndex >= 0 && sentence.BlockIndex < document.Blocks.Count
                ? document.Blocks[sentence.BlockIndex].Kind
                : BlockKind.Paragraph;
            tokens.Clear();
            Tokenizer.Tokenize(document.Text, sentence.Start, sentence.Length, stems, tokens, contentWordsOnly: true);
            var words = tokens.ToArray();
            var isHeading = kind is BlockKind.Heading or BlockKind.Title;
            var firstInSection = !isHeading && sentence.SectionIndex != lastSectionWithBody;
            if (!isHeading)
            {
                lastSectionWithBody = sentence.SectionIndex;
            }

            sentences[i] = new AnalyzedSentence(i, sentence, kind, words, firstInSection);
            sectionCount = Math.Max(sectionCount, sentence.SectionIndex + 1);
        }

        // Handed back only now: an exception above leaves the thread without one (a new list next time), never with
        // one half used.
        if (tokens.Capacity <= MaxScratchTokens)
        {
            tokens.Clear();
            t_tokens = tokens;
        }

        return new AnalyzedDocument(document, stems, sentences, sectionCount);
    }
}

/// <summary>One sentence of an <see cref="AnalyzedDocument"/>.</summary>
/// <param name="Words">Content words, stop words dropped.</param>
/// <param name="FirstInSection">The first sentence of its section's body (headings excluded).</param>
internal sealed record AnalyzedSentence(int Index, Sentence Source, BlockKind Kind, Token[] Words, bool FirstInSection)
{
    /// <summary>Headings and the title are evidence, never summary sentences.</summary>
    public bool IsHeading => Kind is BlockKind.Heading or BlockKind.Title;

    public int SectionIndex => Source.SectionIndex;
}
