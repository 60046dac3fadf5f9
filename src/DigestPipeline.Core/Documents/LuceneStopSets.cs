using System.Text;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// Lucene's stop-word list for each supported language: the Snowball list Lucene.Net.Analysis.Common ships as a
/// resource beside <see cref="SnowballFilter"/> (<c>french_stop.txt</c>, <c>english_stop.txt</c>…). The French,
/// German, Spanish, Italian, Portuguese and Dutch analyzers' default sets are these same lists; English's default
/// holds only 33 words, hence the lists are read directly, the same way for every language.
/// </summary>
internal static class LuceneStopSets
{
    private static readonly Dictionary<string, Lazy<CharArraySet>> SnowballLists = new(StringComparer.Ordinal)
    {
        ["fr"] = Snowball("french_stop.txt"),
        ["en"] = Snowball("english_stop.txt"),
        ["de"] = Snowball("german_stop.txt"),
        ["es"] = Snowball("spanish_stop.txt"),
        ["it"] = Snowball("italian_stop.txt"),
        ["pt"] = Snowball("portuguese_stop.txt"),
        ["nl"] = Snowball("dutch_stop.txt"),
    };

    /// <returns>The set (lower-case words, accents kept, read-only), or null for a language without one.</returns>
    public static CharArraySet? For(string language) => SnowballLists.TryGetValue(language, out var list) ? list.Value : null;

    private static Lazy<CharArraySet> Snowball(string resource) => new(() =>
    {
        using var reader = IOUtils.GetDecodingReader(typeof(SnowballFilter), resource, Encoding.UTF8);
        return WordlistLoader.GetSnowballWordSet(reader, LuceneVersion.LUCENE_48).AsReadOnly();
    });
}
