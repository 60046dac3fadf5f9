using System.Collections.Frozen;
using System.Numerics;
using System.Text;
using Lucene.Net.Analysis.Util;

namespace DigestPipeline.Core.Documents;

/// <summary>
/// Detects the language of a text among fr, en, de, es, it, pt and nl from stop-word profiles: Lucene's Snowball
/// stop-word lists. Each word found in k of the lists counts 1/k for each of them, so shared words ("de", "a",
/// "in") weigh little and distinctive ones ("the", "les", "und", "het") decide; a few telling letters (ã, ñ, ß, ò…)
/// add a little evidence. Returns
/// <see cref="Unknown"/> when the text has too few stop words or two languages score too close.
/// Reads at most the first <see cref="MaxCharacters"/> characters.
/// </summary>
public static class LanguageDetector
{
    public const string Unknown = "unknown";

    /// <summary>Languages that can be detected, in profile order (ISO 639-1).</summary>
    public static IReadOnlyList<string> Languages { get; } = ["fr", "en", "de", "es", "it", "pt", "nl"];

    private const int Fr = 0, De = 2, Es = 3, It = 4, Pt = 5;

    internal const int MaxCharacters = 200_000;
    internal const double MinimumHits = 4;
    internal const double MinimumLead = 1.3;
    private const int MaxWordLength = 16;

    private static readonly FrozenDictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> Profiles = BuildProfiles();

    /// <summary>The ISO 639-1 code of the text's language, or <see cref="Unknown"/>.</summary>
    public static string Detect(ReadOnlySpan<char> text) => Decide(Score(text));

    /// <summary>The stop-word score of each of <see cref="Languages"/>, in that order.</summary>
    internal static double[] Score(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxCharacters) text = text[..MaxCharacters];
        var scores = new double[Languages.Count];
        Span<char> word = stackalloc char[MaxWordLength];
        var length = 0;
        var tooLong = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetter(c))
            {
                c = char.ToLowerInvariant(c);
                if (c > 'z') AddCharacterCue(c, scores);
                if (length < MaxWordLength) word[length++] = c;
                else tooLong = true;
                continue;
            }

            if (length > 0 && !tooLong && Profiles.TryGetValue(word[..length], out var mask))
            {
                var weight = 1.0 / BitOperations.PopCount(mask);
                for (var l = 0; l < scores.Length; l++)
                {
                    if ((mask & (1 << l)) != 0) scores[l] += weight;
                }
            }

            length = 0;
            tooLong = false;
        }

        return scores;
    }

    /// <summary>Letters that only some of the languages use add a little evidence (half a stop word, or one for the most telling).</summary>
    private static void AddCharacterCue(char c, double[] scores)
    {
        switch (c)
        {
            case 'ã' or 'õ':
                scores[Pt] += 1;
                break;
            case 'ñ':
                scores[Es] += 1;
                break;
            case 'ß':
                scores[De] += 1;
                break;
            case 'ä' or 'ö' or 'ü':
                scores[De] += 0.5;
                break;
            case 'ò' or 'ì':
                scores[It] += 1;
                break;
            case 'œ' or 'û' or 'ù' or 'ÿ':
                scores[Fr] += 1;
                break;
            case 'ç' or 'ê':
                scores[Fr] += 0.5;
                scores[Pt] += 0.5;
                break;
            case 'è':
                scores[Fr] += 0.5;
                scores[It] += 0.5;
                break;
        }
    }

    private static string Decide(ReadOnlySpan<double> scores)
    {
        int best = -1, second = -1;
        for (var l = 0; l < scores.Length; l++)
        {
            if (best < 0 || scores[l] > scores[best])
            {
                second = best;
                best = l;
            }
            else if (second < 0 || scores[l] > scores[second])
            {
                second = l;
            }
        }

        if (scores[best] < MinimumHits) return Unknown;
        return scores[best] >= MinimumLead * scores[second] ? Languages[best] : Unknown;
    }

    private static FrozenDictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> BuildProfiles()
    {
        var sets = Languages.Select(language => LuceneStopSets.For(language)!).ToArray();

        var masks = new Dictionary<string, byte>(StringComparer.Ordinal);
        for (var l = 0; l < sets.Length; l++)
        {
            foreach (var entry in sets[l])
            {
                var word = entry.ToString();
                if (word is null) continue;
                masks[word] = (byte)(masks.GetValueOrDefault(word) | (1 << l));
            }
        }

        return masks.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
