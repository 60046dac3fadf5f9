using System.Text;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// Lucene's stop-word list for each supported language: the analyzers' default sets, and for English the fuller
/// Snowball list Lucene ships as a resource (EnglishAnalyzer's default holds only 33 words).
/// </summary>
internal static class LuceneStopSets
{
    private static readonly Lazy<CharArraySet> EnglishSnowball = new(() =>
    {
        using var reader = IOUtils.GetDecodingReader(typeof(SnowballFilter), "english_stop.txt", Encoding.UTF8);
        return WordlistLoader.GetSnowballWordSet(reader, LuceneVersion.LUCENE_48);
    });

    /// <returns>The set, or null for a language without one.</returns>
    public static CharArraySet? For(string language) => language switch
    {
        "fr" => FrenchAnalyzer.DefaultStopSet,
        "en" => EnglishSnowball.Value,
        "de" => GermanAnalyzer.DefaultStopSet,
        "es" => SpanishAnalyzer.DefaultStopSet,
        "it" => ItalianAnalyzer.DefaultStopSet,
        "pt" => PortugueseAnalyzer.DefaultStopSet,
        "nl" => DutchAnalyzer.DefaultStopSet,
        _ => null,
    };
}
