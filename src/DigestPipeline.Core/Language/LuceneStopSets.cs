using System.Text;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace DigestPipeline.Core.Language;

/// <summary>
/// Lucene's stop-word list for each supported language: the Snowball list Lucene.Net.Analysis.Common ships as a
/// resource beside <see cref="SnowballFilter"/> (<c>french_stop.txt</c>, <c>english_stop.txt</c>…). The French,
/// German, Spanish, Italian, Portuguese and Dutch analyzers' default sets are these same lists; English's default
/// holds only 33 words, hence the lists are read directly, the same way for every language. French adds the list
/// FrenchAnalyzer used before Lucene 3.1 (kept for index compatibility): the Snowball list lacks frequent function
/// words such as <c>plus</c>, <c>comme</c>, <c>entre</c> and <c>tout</c>, which otherwise end up in key phrases.
/// </summary>
internal static class LuceneStopSets
{
    private static readonly Dictionary<string, Lazy<CharArraySet>> SnowballLists = new(StringComparer.Ordinal)
    {
        ["fr"] = new(() => Union(Snowball("french_stop.txt").Value, LegacyFrench())),
        ["en"] = Snowball("english_stop.txt"),
        ["de"] = Snowball("german_stop.txt"),
        ["es"] = Snowball("spanish_stop.txt"),
        ["it"] = Snowball("italian_stop.txt"),
        ["pt"] = Snowball("portuguese_stop.txt"),
        ["nl"] = Snowball("dutch_stop.txt"),
    };

    /// <returns>The set (lower-case words, accents kept, read-only), or null for a language without one.</returns>
    public static CharArraySet? For(string language) => SnowballLists.TryGetValue(language, out var list) ? list.Value : null;

#pragma warning disable CS0618 // LUCENE_30 is obsolete as an index format; it is the only way to this list.
    private static CharArraySet LegacyFrench() => new FrenchAnalyzer(LuceneVersion.LUCENE_30).StopwordSet;
#pragma warning restore CS0618

    private static CharArraySet Union(CharArraySet first, CharArraySet second)
    {
        var union = new CharArraySet(LuceneVersion.LUCENE_48, first.Count + second.Count, ignoreCase: false);
        union.UnionWith(first);
        union.UnionWith(second);
        return union.AsReadOnly();
    }

    private static Lazy<CharArraySet> Snowball(string resource) => new(() =>
    {
        using var reader = IOUtils.GetDecodingReader(typeof(SnowballFilter), resource, Encoding.UTF8);
        return WordlistLoader.GetSnowballWordSet(reader, LuceneVersion.LUCENE_48).AsReadOnly();
    });
}
