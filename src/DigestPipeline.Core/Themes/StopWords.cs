using DigestPipeline.Core.Documents;
using Lucene.Net.Analysis.Util;

namespace DigestPipeline.Core.Themes;

/// <summary>
/// Stop words per language: Lucene's stop sets (<see cref="LuceneStopSets"/>), plus a few function words those
/// sets lack (the French one lacks <c>plus</c>, <c>où</c>, <c>comme</c>...).
/// Words are looked up lower-cased, accents kept.
/// </summary>
internal sealed class StopWords
{
    private static readonly string[] _extraFrench =
    [
        "plus", "où", "comme", "entre", "très", "aussi", "tout", "tous", "toute", "toutes", "non", "si", "ainsi", "dont",
        "lors", "alors", "donc", "car", "encore", "déjà", "puis", "peu", "moins", "bien", "elles", "celles", "ceux",
        "celui", "celle", "autre", "autres", "chaque", "sous", "vers", "chez", "depuis", "pendant", "après", "avant",
        "quand", "afin", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "cet", "ça", "là", "etc", "deux", "trois",
        "fait", "faire", "peut", "doit", "être", "avoir", "selon", "contre", "leurs", "sein", "via",
    ];

    private static readonly string[] _extraEnglish =
    [
        "about", "above", "after", "again", "against", "all", "also", "am", "any", "because", "been", "before", "being",
        "below", "between", "both", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "from",
        "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
        "i", "its", "itself", "just", "me", "more", "most", "my", "myself", "nor", "now", "off", "once", "only", "other",
        "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "than", "them",
        "themselves", "those", "through", "too", "under", "until", "up", "very", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "would", "you", "your", "yours", "yourself", "may", "might", "must",
        "shall", "s", "t", "d", "ll", "re", "ve", "m", "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won",
        "many", "much", "one", "two", "three", "said", "says", "like", "even", "still", "yet", "however", "within",
        "without", "across", "among", "per", "via", "new", "make", "made",
    ];

    private readonly CharArraySet? _lucene;
    private readonly HashSet<string> _extra;

    private StopWords(CharArraySet? lucene, IEnumerable<string> extra)
    {
        _lucene = lucene;
        _extra = new HashSet<string>(extra, StringComparer.Ordinal);
    }

    public static StopWords For(string language) => new(LuceneStopSets.For(language), language switch
    {
        "fr" => _extraFrench,
        "en" => _extraEnglish,
        _ => [],
    });

    /// <param name="lowerCase">the word lower-cased, accents kept.</param>
    public bool Contains(string lowerCase) =>
        (lowerCase.Length == 1 && !char.IsDigit(lowerCase[0]))
        || _extra.Contains(lowerCase)
        || (_lucene is not null && _lucene.Contains(lowerCase));
}
