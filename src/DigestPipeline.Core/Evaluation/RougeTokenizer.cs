using System.Text;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace DigestPipeline.Core.Evaluation;

/// <summary>
/// Tokens as Google's <c>rouge_score</c> makes them, so that figures compare with published ones.
/// English: lower-case, every character outside <c>[a-z0-9]</c> is a space, Porter stemmer on tokens longer than
/// 3 characters. Other languages: lower-case, every run of non-letter, non-digit characters (and <c>_</c>) is a
/// space, accented letters kept, the language's Snowball stemmer on tokens longer than 3 characters.
/// Not thread-safe (Snowball stemmers hold state): one instance per thread.
/// </summary>
public sealed class RougeTokenizer
{
    private const int MinStemmedLength = 4;

    private readonly bool _asciiOnly;
    private readonly SnowballProgram? _stemmer;

    public RougeTokenizer(string language)
    {
        Language = language;
        _asciiOnly = language == "en";
        _stemmer = language switch
        {
            "en" => new PorterStemmer(),
            "fr" => new FrenchStemmer(),
            "de" => new GermanStemmer(),
            "es" => new SpanishStemmer(),
            "it" => new ItalianStemmer(),
            "pt" => new PortugueseStemmer(),
            "nl" => new DutchStemmer(),
            _ => null,
        };
    }

    public string Language { get; }

    public List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (IsWordChar(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                tokens.Add(Stem(word.ToString()));
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(Stem(word.ToString()));
        }

        return tokens;
    }

    private bool IsWordChar(char c) =>
        _asciiOnly ? c is (>= 'a' and <= 'z') or (>= '0' and <= '9') : char.IsLetterOrDigit(c);

    private string Stem(string token)
    {
        if (_stemmer is null || token.Length < MinStemmedLength)
        {
            return token;
        }

        _stemmer.SetCurrent(token);
        _stemmer.Stem();
        return _stemmer.Current;
    }
}
