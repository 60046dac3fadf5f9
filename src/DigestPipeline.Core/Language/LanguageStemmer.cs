using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace DigestPipeline.Core.Language;

/// <summary>
/// One language's Lucene stemmer, used word by word (no analyzer chain): the light stemmers for fr, de, es, it and
/// pt, Snowball for en (Porter2) and nl; other languages are not stemmed. Thread-safe.
/// </summary>
internal sealed class LanguageStemmer
{
    private readonly Func<char[], int, int>? _light;
    private readonly SnowballProgram? _snowball;
    private readonly Lock _gate = new();

    private LanguageStemmer(Func<char[], int, int>? light, SnowballProgram? snowball)
    {
        _light = light;
        _snowball = snowball;
    }

    public static LanguageStemmer For(string language) => language switch
    {
        "fr" => new LanguageStemmer(new FrenchLightStemmer().Stem, null),
        "de" => new LanguageStemmer(new GermanLightStemmer().Stem, null),
        "es" => new LanguageStemmer(new SpanishLightStemmer().Stem, null),
        "it" => new LanguageStemmer(new ItalianLightStemmer().Stem, null),
        "pt" => new LanguageStemmer(new PortugueseLightStemmer().Stem, null),
        "en" => new LanguageStemmer(null, new EnglishStemmer()),
        "nl" => new LanguageStemmer(null, new DutchStemmer()),
        _ => new LanguageStemmer(null, null),
    };

    /// <param name="lowerCase">one word, lower-cased, accents kept.</param>
    public string Stem(string lowerCase)
    {
        if (_light is not null)
        {
            var buffer = lowerCase.ToCharArray();
            var length = _light(buffer, buffer.Length);
            return length == buffer.Length ? lowerCase : new string(buffer, 0, length);
        }

        if (_snowball is not null)
        {
            lock (_gate)
            {
                _snowball.SetCurrent(lowerCase);
                _snowball.Stem();
                return _snowball.Current;
            }
        }

        return lowerCase;
    }
}
