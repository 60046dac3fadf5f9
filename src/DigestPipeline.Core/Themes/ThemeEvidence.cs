using DigestPipeline.Core.Documents;

namespace DigestPipeline.Core.Themes;

/// <summary>
/// How strongly each sentence, section and the whole document speak of each declared theme.
/// A sentence's own evidence comes from the keywords it contains; a section's heading is strong evidence for every
/// sentence under it; the title and the standfirst weigh more than body text in the document's score, less than a
/// heading.
/// </summary>
internal sealed class ThemeEvidence
{
    /// <summary>Evidence a matching section heading lends each sentence under it.</summary>
    public const double HeadingInheritance = 1.0;

    /// <summary>The most values the thread's scratch rows keep room for between documents.</summary>
    private const int MaxScratchOwn = 1 << 16;

    [ThreadStatic]
    private static double[]? t_own;

    private readonly int _themeCount;

    /// <summary>
    /// Per sentence with evidence, then per theme (one row of <see cref="_themeCount"/> values per such sentence, in
    /// document order). Most sentences match no keyword: a row of zeros for each was most of what collecting
    /// allocated.
    /// </summary>
    private readonly double[] _own;

    /// <summary>Per sentence, its row in <see cref="_own"/>, or -1 when its evidence is 0 for every theme.</summary>
    private readonly int[] _ownRows;

    /// <summary>Per section, then per theme.</summary>
    private readonly double[] _heading;

    private readonly IReadOnlyList<KeywordMatch>[] _matches;

    private ThemeEvidence(AnalyzedDocument document, KeywordIndex index, double[] own, int[] ownRows, double[] heading, IReadOnlyList<KeywordMatch>[] matches, double[] scores)
    {
        Document = document;
        Index = index;
        _themeCount = index.ThemeCount;
        _own = own;
        _ownRows = ownRows;
        _heading = heading;
        _matches = matches;
        DocumentScores = scores;
    }

    public AnalyzedDocument Document { get; }

    public KeywordIndex Index { get; }

    /// <summary>
    /// Per declared theme: the weighted sum of the evidence of all sentences, headings and title included, where a
    /// keyword already met in the document counts a quarter (<see cref="ThemeMatcher.RepeatWeight"/>): a theme
    /// spoken of with many of its words outweighs one word said often.
    /// </summary>
    public IReadOnlyList<double> DocumentScores { get; }

    public static ThemeEvidence Collect(AnalyzedDocument document, KeywordIndex index)
    {
        var themeCount = index.ThemeCount;
        var sentences = document.Sentences;
        var ownRows = new int[sentences.Count];
        var own = t_own ?? new double[16 * themeCount];
        t_own = null;
        var rows = 0;
        var matches = new IReadOnlyList<KeywordMatch>[sentences.Count];
        var heading = new double[document.SectionCount * themeCount];
        var scores = new double[themeCount];
        var evidence = new double[themeCount];
        var counted = new double[themeCount];
        var seen = new bool[index.Keywords.Count];
        var found = new List<KeywordMatch>();
        foreach (var sentence in sentences)
        {
            Array.Clear(evidence);
            Array.Clear(counted);
            found.Clear();
            ThemeMatcher.Match(sentence, index, document.Source.Text, document.Stems, found);
            var kept = ThemeMatcher.Weigh(found, index.Keywords, evidence);
            matches[sentence.Index] = kept;

            // A sentence without a kept match has no evidence: its row would be zeros.
            ownRows[sentence.Index] = kept.Count == 0 ? -1 : rows;
            if (kept.Count > 0)
            {
                if ((rows + 1) * themeCount > own.Length)
                {
                    Array.Resize(ref own, 2 * own.Length);
                }

                evidence.CopyTo(own, rows * themeCount);
                rows++;
            }

            for (var m = 0; m < kept.Count; m++)
            {
                var match = kept[m];
                var keywordWeight = index.Keywords[match.Keyword].Weight;
                counted[match.Theme] += seen[match.Keyword] ? keywordWeight * ThemeMatcher.RepeatWeight : keywordWeight;
                seen[match.Keyword] = true;
            }

            var weight = KindWeight(sentence.Kind);
            for (var t = 0; t < themeCount; t++)
            {
                scores[t] += counted[t] * weight;
                if (sentence.Kind == BlockKind.Heading && sentence.SectionIndex >= 0)
                {
                    heading[(sentence.SectionIndex * themeCount) + t] += evidence[t];
                }
            }
        }

        // The rows are copied out at their size; the scratch array stays with the thread for its next document.
        var ownRowsUsed = own.AsSpan(0, rows * themeCount).ToArray();
        t_own = own.Length <= MaxScratchOwn ? own : null;
        return new ThemeEvidence(document, index, ownRowsUsed, ownRows, heading, matches, scores);
    }

    /// <summary>Weight of a sentence's evidence in the document's score: heading 3, title 2, standfirst 1.5, body 1.</summary>
    public static double KindWeight(BlockKind kind) => kind switch
    {
        BlockKind.Heading => 3.0,
        BlockKind.Title => 2.0,
        BlockKind.Standfirst => 1.5,
        _ => 1.0,
    };

    /// <summary>Evidence from the sentence's own keywords.</summary>
    public double Own(int sentence, int theme) => _ownRows[sentence] is var row and >= 0 ? _own[(row * _themeCount) + theme] : 0;

    /// <summary>Evidence from the heading of the section.</summary>
    public double Heading(int section, int theme) =>
        section >= 0 && section < Document.SectionCount ? _heading[(section * _themeCount) + theme] : 0;

    /// <summary>The sentence's own evidence plus what its section heading lends it.</summary>
    public double For(int sentence, int theme)
    {
        var section = Document.Sentences[sentence].SectionIndex;
        return Own(sentence, theme) + (Heading(section, theme) > 0 ? HeadingInheritance : 0);
    }

    /// <summary>The keyword occurrences kept for the sentence (all themes).</summary>
    public IReadOnlyList<KeywordMatch> Matches(int sentence) => _matches[sentence];
}
