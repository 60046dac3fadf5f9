using System.Collections.Frozen;
using Lucene.Net.Analysis.Fr;

namespace DigestPipeline.Core.Language;

/// <summary>
/// Stop words per language, all from Lucene: the language's Snowball list (<see cref="LuceneStopSets"/>) as seen
/// through <see cref="Tokenizer"/>, which cuts words at apostrophes. So French also gets the elided words Lucene's
/// ElisionFilter strips (<see cref="FrenchAnalyzer.DEFAULT_ARTICLES"/>: l, d, qu, jusqu, lorsqu…), and each
/// contraction of a list (English don't, we'll) gives its pieces (don, t, we, ll), since the whole word never
/// reaches the lookup. Words are looked up lower-cased, accents kept.
/// </summary>
internal sealed class StopWords
{
    private readonly FrozenSet<string> _words;

    private StopWords(IEnumerable<string> words) => _words = words.ToFrozenSet(StringComparer.Ordinal);

    public static StopWords For(string language)
    {
        var list = LuceneStopSets.For(language)?.Select(entry => entry.ToString()!) ?? [];
        var elisions = language == "fr" ? FrenchAnalyzer.DEFAULT_ARTICLES.Select(entry => entry.ToString()!) : [];
        return new StopWords(list.Concat(elisions).SelectMany(word => word.Split('\'', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>
    /// Also true for a single letter (not a digit): Lucene's French list lacks <c>a</c> (il a), one of the most
    /// frequent French words, and the letters of initials and acronyms (J. Monnet, U.S.) say nothing of a theme.
    /// Dropping the rule changes the seed article's summaries (sentences rich in "a" and "U.S." win).
    /// </summary>
    /// <param name="lowerCase">the word lower-cased, accents kept.</param>
    public bool Contains(string lowerCase) => (lowerCase.Length == 1 && !char.IsDigit(lowerCase[0])) || _words.Contains(lowerCase);
}
