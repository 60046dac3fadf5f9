using DigestPipeline.Core.Language;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// What a sentence says, as a set: the stems of its content words (stop words dropped, through the same tokenizer
/// and stemmer cache as theme analysis, in the sentence's language) and, among them, its figures. Two sentences
/// report the same fact when they are in the same language, share at least <see cref="MinSharedStems"/> stems,
/// their stem sets' cosine (<c>|A ∩ B| / √(|A| · |B|)</c>) is at least <see cref="SameFactThreshold"/>, and their
/// figures do not conflict.
/// </summary>
/// <remarks>
/// The threshold, 0.65, was set on sentences as two outlets write one fact, in French and English (the
/// <c>Same_fact_detection</c> tests): rewordings that keep the content words (voice, word order, a clause added)
/// score 0.67–0.95; different facts on one topic score 0.22–0.56, and 0.63 for the closest pair ("deployed AI
/// triage tools in their emergency departments" / "… scheduling tools in their operating rooms"). Merging two
/// different facts loses one from the digest while missing a duplicate only repeats it, so the threshold sits
/// above the closest different facts rather than low enough to catch rewordings through synonyms (0.42–0.56:
/// stems cannot tell that "réuni" and "rassemblé" mean the same). Cosine rather than Jaccard because a fact told
/// briefly inside a longer sentence should still match: Jaccard punishes the longer sentence's extra words more.
/// Figures conflict when each sentence has a figure the other lacks (30 % against 10 % of the same thing, 0.86
/// similar): those are different claims, perhaps a disagreement a reader should see, not one fact twice.
/// </remarks>
internal sealed class FactFingerprint
{
    public const double SameFactThreshold = 0.65;

    /// <summary>Two or three shared words make a topic, not a fact; short sentences need more than that to merge.</summary>
    public const int MinSharedStems = 4;

    private readonly HashSet<string> _stems;
    private readonly HashSet<string> _figures;

    private FactFingerprint(string language, HashSet<string> stems, HashSet<string> figures)
    {
        Language = language;
        _stems = stems;
        _figures = figures;
    }

    /// <summary>The analysed language (<c>fr</c>, <c>en</c>, ...; <c>fr-CA</c> counts as <c>fr</c>).</summary>
    public string Language { get; }

    /// <summary>How many distinct figures (words with a digit: <c>400</c>, <c>2025</c>, <c>90</c>) the sentence states.</summary>
    public int FigureCount => _figures.Count;

    public static FactFingerprint Of(string sentence, string? language)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var stems = StemmerCache.For(language);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var figures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Tokenizer.Tokenize(sentence, stems))
        {
            if (token.IsStop)
                continue;
            words.Add(token.Stem);
            if (token.Stem.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
                figures.Add(token.Stem);
        }

        return new FactFingerprint(stems.Language, words, figures);
    }

    /// <summary>Cosine of the two stem sets, in [0, 1]; 0 across languages (their stems are not comparable).</summary>
    public double Similarity(FactFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Language != other.Language || _stems.Count == 0 || other._stems.Count == 0)
            return 0;
        return SharedStems(other) / Math.Sqrt((double)_stems.Count * other._stems.Count);
    }

    public bool IsSameFact(FactFingerprint other) =>
        Similarity(other) >= SameFactThreshold
        && SharedStems(other) >= MinSharedStems
        && !FiguresConflict(other);

    private int SharedStems(FactFingerprint other)
    {
        var (small, large) = _stems.Count <= other._stems.Count ? (_stems, other._stems) : (other._stems, _stems);
        return small.Count(large.Contains);
    }

    private bool FiguresConflict(FactFingerprint other) =>
        _figures.Any(f => !other._figures.Contains(f)) && other._figures.Any(f => !_figures.Contains(f));
}
