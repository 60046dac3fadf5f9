using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using Lucene.Net.Analysis.Util;

namespace DigestPipeline.Core.Language;

/// <summary>
/// Detects the language of a text. A text mostly written in another script than Latin is detected by its script
/// (<see cref="ScriptLanguages"/>: Han without kana zh, with kana ja, Hangul ko, Arabic ar, Cyrillic ru, Greek el,
/// Hebrew he), since the stop-word profiles below would otherwise see no word they know, or force it into one of
/// their languages. Latin-script text is one of fr, en, de, es, it, pt and nl from stop-word profiles: Lucene's Snowball
/// stop-word lists. Each word found in k of the lists counts 1/k for each of them, so shared words ("de", "a",
/// "in") weigh little and distinctive ones ("the", "les", "und", "het") decide; a few telling letters (ã, ñ, ß, ò…)
/// add a little evidence. Each sentence (of at least <see cref="MinimumSentenceWords"/> words) also votes for its
/// own language. Returns <see cref="Unknown"/> when the text has fewer than <see cref="MinimumWords"/> words or too
/// few stop words, when two languages score too close, or when it is mixed: another language wins at least half as
/// many sentences as the leading one (a paragraph half French, half English).
/// Reads at most the first <see cref="MaxCharacters"/> characters.
/// </summary>
public static class LanguageDetector
{
    public const string Unknown = "unknown";

    /// <summary>Languages detected from their stop words, in profile order (ISO 639-1).</summary>
    public static IReadOnlyList<string> Languages { get; } = ["fr", "en", "de", "es", "it", "pt", "nl"];

    /// <summary>
    /// Languages detected from their script alone (ISO 639-1). Each stands for its script's main language: Persian
    /// or Urdu text reads as ar, Ukrainian or Bulgarian as ru.
    /// </summary>
    public static IReadOnlyList<string> ScriptLanguages { get; } = ["zh", "ja", "ko", "ar", "ru", "el", "he"];

    private const int Fr = 0, De = 2, Es = 3, It = 4, Pt = 5;

    internal const int MaxCharacters = 200_000;
    internal const int MinimumWords = 4;
    internal const double MinimumHits = 4;
    internal const double MinimumLead = 1.3;
    internal const int MinimumSentenceWords = 6;
    private const double MinimumSentenceHits = 1.5;
    private const int MaxWordLength = 16;

    /// <summary>Letters of one script a text needs to be detected by it ("你好" alone is too little to tell).</summary>
    internal const int MinimumScriptLetters = 8;

    /// <summary>
    /// Kana among Han and kana that make a text Japanese rather than Chinese: Japanese prose writes its particles and
    /// endings in kana (a third or more of the characters), while a Chinese text has none beyond a quoted name.
    /// </summary>
    private const double MinimumKanaShare = 0.1;

    private static readonly FrozenDictionary<string, byte> Profiles = BuildProfiles();
    private static readonly FrozenDictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> ProfilesBySpan =
        Profiles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The profiles' short lower-case ASCII words, by <see cref="PackedWordKey"/>: the lookup most words take.</summary>
    private static readonly PackedWordMasks PackedProfiles = new([
        .. Profiles
            .Where(p => !p.Key.AsSpan().ContainsAnyInRange('A', 'Z') && PackedWordKey.TryPack(p.Key, out _))
            .Select(p => KeyValuePair.Create(PackedWordKey.TryPack(p.Key, out var key) ? key : 0, p.Value)),
    ]);

    /// <summary>
    /// The first <see cref="PackedWordKey.MaxLength"/> characters of the profiles' longer lower-case ASCII words, by
    /// <see cref="PackedWordKey"/>: a word of 9 to 16 ASCII letters whose first 8 are none of these is in no list, so
    /// it skips hashing its characters into <see cref="ProfilesBySpan"/> (few stop words are that long, and about
    /// one word of news prose in eight is).
    /// </summary>
    private static readonly PackedWordMasks LongProfilePrefixes = new([
        .. Profiles.Keys
            .Where(word => word.Length > PackedWordKey.MaxLength && !word.AsSpan().ContainsAnyInRange('A', 'Z'))
            .Select(word => PackedWordKey.TryPack(word.AsSpan(0, PackedWordKey.MaxLength), out var prefix) ? prefix : 0)
            .Where(prefix => prefix != 0)
            .Distinct()
            .Select(prefix => KeyValuePair.Create(prefix, (byte)1)),
    ]);

    /// <summary>Room for a score per language, rounded up to whole vectors of 4.</summary>
    private const int ScoreWidth = 8;

    /// <summary>
    /// What a word adds to the scores, by its mask: 1 / k in each of its k languages, 0 elsewhere (and for a word of no
    /// list). Added as two vectors (<see cref="PendingStopWords"/>), without a loop over its languages: adding 0 leaves a
    /// score as it was, and each language's additions come in the same order, so the sums are the same as adding to
    /// each language in turn.
    /// </summary>
    private static readonly double[] StopWordRows = BuildStopWordRows();

    /// <summary>The ISO 639-1 code of the text's language, or <see cref="Unknown"/>.</summary>
    public static string Detect(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxCharacters) text = text[..MaxCharacters];
        Span<double> scores = stackalloc double[Languages.Count];
        Span<double> sentenceScoreRow = stackalloc double[ScoreWidth];
        var sentenceScores = sentenceScoreRow[..Languages.Count];
        Span<int> sentenceVotes = stackalloc int[Languages.Count];
        var pending = new PendingStopWords(stackalloc byte[PendingStopWords.Capacity]);
        // Room for a word and the vector of letters read past it (AsciiLetterRun.Measure writes Width characters).
        Span<char> word = stackalloc char[MaxWordLength + AsciiLetterRun.Width];
        var words = 0;
        var sentenceWords = 0;
        var length = 0;
        var apostrophe = -1;
        var tooLong = false;

        // Letters of each WritingScript (Other: Latin and the rest), to tell a text in another script first.
        Span<int> scriptLetters = stackalloc int[WritingScripts.Count];

        // The word packed as a PackedWordKey while it is read (its first characters; valid while all are ASCII).
        var key = 0UL;
        var ascii = true;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '.';

            // Between two words read whole (below): a space neither ends a word nor a sentence.
            if (c == ' ' && length == 0) continue;
            if (char.IsAsciiLetter(c))
            {
                // A run of ASCII letters at once: lower case is one bit, and none of them is a telling letter.
                if (AsciiLetterRun.Measure(text, i, word[length..], out var packed) is var letters and > 0)
                {
                    scriptLetters[(int)WritingScript.Other] += letters;
                    i += letters - 1;

                    // Most words are one run ended by a space or punctuation: counted here, as the character after
                    // them would count them, without carrying the run as a word in progress. A character that may
                    // continue the word (an apostrophe, a letter outside ASCII) leaves it to the general path.
                    if (length == 0 && text[i + 1] is < (char)0x80 and not '\'')
                    {
                        words++;
                        sentenceWords++;
                        pending.Add(letters <= PackedWordKey.MaxLength ? PackedProfiles.Get(packed) : LongWordMask(word[..letters], packed), sentenceScoreRow);
                        continue;
                    }

                    // The run's characters past the key's 8 fall off the top of the shift.
                    if (length < PackedWordKey.MaxLength) key |= packed << (8 * length);
                    tooLong |= length + letters > MaxWordLength;
                    length = Math.Min(length + letters, MaxWordLength);
                    continue;
                }

                var run = i;
                do
                {
                    var lower = (char)(text[run] | 0x20);
                    if (length < PackedWordKey.MaxLength) key |= (ulong)lower << (8 * length);
                    if (length < MaxWordLength) word[length++] = lower;
                    else tooLong = true;
                    run++;
                }
                while (run < text.Length && char.IsAsciiLetter(text[run]));

                scriptLetters[(int)WritingScript.Other] += run - i;
                i = run - 1;
                continue;
            }

            if (char.IsLetter(c))
            {
                scriptLetters[(int)WritingScripts.Of(c)]++;
                c = char.ToLowerInvariant(c);
                if (c > 'z')
                {
                    // The cue is added where it is met among the stop words, as it always was: the sums' order.
                    pending.AddTo(sentenceScoreRow);
                    AddCharacterCue(c, sentenceScores);
                }

                if (c >= 0x80) ascii = false;
                else if (length < PackedWordKey.MaxLength) key |= (ulong)c << (8 * length);
                if (length < MaxWordLength) word[length++] = c;
                else tooLong = true;
                continue;
            }

            if (c is '\'' or '’' && length is > 0 and < MaxWordLength && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                if (apostrophe < 0) apostrophe = length;
                if (length < PackedWordKey.MaxLength) key |= (ulong)'\'' << (8 * length);
                word[length++] = '\'';
                continue;
            }

            if (length > 0)
            {
                words++;
                sentenceWords++;
                if (!tooLong) pending.Add(StopWordMask(word[..length], apostrophe, ascii ? key : 0), sentenceScoreRow);
                length = 0;
                key = 0;
                ascii = true;
                apostrophe = -1;
                tooLong = false;
            }

            var sentenceEnd = i == text.Length || (c is '.' or '!' or '?' or '…' or '\n' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (sentenceEnd && (sentenceWords >= MinimumSentenceWords || i == text.Length))
            {
                pending.AddTo(sentenceScoreRow);
                if (sentenceWords >= MinimumSentenceWords && Leader(sentenceScores, MinimumSentenceHits) is var leader and >= 0) sentenceVotes[leader]++;
                for (var l = 0; l < scores.Length; l++) scores[l] += sentenceScores[l];
                sentenceScoreRow.Clear();
                sentenceWords = 0;
            }
        }

        if (ByScript(scriptLetters) is { } scriptLanguage) return scriptLanguage;
        if (words < MinimumWords || Leader(scores, MinimumHits) is not (var best and >= 0)) return Unknown;
        for (var l = 0; l < sentenceVotes.Length; l++)
        {
            if (l != best && sentenceVotes[l] > 0 && sentenceVotes[l] * 2 >= sentenceVotes[best]) return Unknown;
        }

        return Languages[best];
    }

    /// <summary>
    /// The language of the script that holds more than half of the text's letters (Han and kana counted together),
    /// when it holds at least <see cref="MinimumScriptLetters"/>; null for a text mostly in Latin letters.
    /// </summary>
    private static string? ByScript(ReadOnlySpan<int> letters)
    {
        var total = 0;
        foreach (var count in letters) total += count;
        var kana = letters[(int)WritingScript.Kana];
        var cjk = letters[(int)WritingScript.Han] + kana;
        var (script, most) = (WritingScript.Other, 0);
        for (var s = (int)WritingScript.Hangul; s < letters.Length; s++)
        {
            if (letters[s] > most) (script, most) = ((WritingScript)s, letters[s]);
        }

        if (cjk > most) (script, most) = (WritingScript.Han, cjk);
        if (most < MinimumScriptLetters || most * 2 <= total) return null;
        return script switch
        {
            WritingScript.Han => kana >= MinimumKanaShare * cjk ? "ja" : "zh",
            WritingScript.Hangul => "ko",
            WritingScript.Arabic => "ar",
            WritingScript.Cyrillic => "ru",
            WritingScript.Greek => "el",
            WritingScript.Hebrew => "he",
            _ => null,
        };
    }

    /// <summary>
    /// The languages whose lists hold the word: whole when the lists have it (English don't, it's), else its elided
    /// article (French l’, qu’, Italian dell’); an English possessive (India's) counts as nothing.
    /// </summary>
    /// <param name="key">the <see cref="PackedWordKey"/> of the word's first <see cref="PackedWordKey.MaxLength"/>
    /// characters when all of its characters are ASCII, else 0.</param>
    private static byte StopWordMask(ReadOnlySpan<char> word, int apostrophe, ulong key)
    {
        // Profiles hold no word with mask 0, so 0 is "not found" either way.
        var mask = key == 0 ? Find(word)
            : word.Length <= PackedWordKey.MaxLength ? PackedProfiles.Get(key)
            : LongWordMask(word, key);

        // The apostrophe first: most words have none, so this branch is predictable where "is it a stop word" is not.
        if (apostrophe > 0 && mask == 0 && TryGetMask(word[..apostrophe], out var elided) && !word[(apostrophe + 1)..].SequenceEqual("s"))
        {
            mask = elided;
        }

        return mask;
    }

    /// <summary>The mask of an ASCII word longer than <see cref="PackedWordKey.MaxLength"/>, <paramref name="key"/> packing its first characters.</summary>
    private static byte LongWordMask(ReadOnlySpan<char> word, ulong key) => LongProfilePrefixes.Get(key) != 0 ? Find(word) : (byte)0;

    private static byte Find(ReadOnlySpan<char> word) => ProfilesBySpan.TryGetValue(word, out var found) ? found : (byte)0;

    /// <param name="word">lower-cased.</param>
    private static bool TryGetMask(ReadOnlySpan<char> word, out byte mask) =>
        PackedWordKey.TryPack(word, out var key) ? (mask = PackedProfiles.Get(key)) != 0 : ProfilesBySpan.TryGetValue(word, out mask);

    private static double[] BuildStopWordRows()
    {
        var rows = new double[256 * ScoreWidth];
        for (var mask = 1; mask < 256; mask++)
        {
            var weight = 1.0 / BitOperations.PopCount((uint)mask);
            for (var languages = (uint)mask; languages != 0; languages &= languages - 1)
            {
                rows[(mask * ScoreWidth) + BitOperations.TrailingZeroCount(languages)] = weight;
            }
        }

        return rows;
    }

    /// <summary>Letters that only some of the languages use add a little evidence (half a stop word, or one for the most telling).</summary>
    private static void AddCharacterCue(char c, Span<double> scores)
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

    /// <summary>The index of the language that scores at least <paramref name="minimumHits"/> and leads the next by <see cref="MinimumLead"/>; -1 if none.</summary>
    private static int Leader(ReadOnlySpan<double> scores, double minimumHits)
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

        if (scores[best] < minimumHits) return -1;
        return scores[best] >= MinimumLead * scores[second] ? best : -1;
    }

    /// <summary>
    /// The stop words of the sentence so far, as their masks, added to its scores in a tight loop when the sentence
    /// ends (or a letter's cue must be added after them, or the buffer is full): the two score vectors then stay in
    /// registers, where adding them word by word went through memory and around calls. Words of no list are not kept
    /// at all (their row is 0, and adding 0 changes no score); the others are added in the order they were met, so
    /// every score is the same sum as before.
    /// </summary>
    internal ref struct PendingStopWords(Span<byte> masks)
    {
        public const int Capacity = 64;

        private readonly Span<byte> _masks = masks;
        private int _count;

        /// <param name="scores"><see cref="ScoreWidth"/> long: where the masks go when the buffer is full.</param>
        public void Add(byte mask, Span<double> scores)
        {
            // Kept or not without a branch: whether a word is a stop word is a coin toss for the branch predictor.
            _masks[_count] = mask;
            _count += mask != 0 ? 1 : 0;
            if (_count == Capacity)
            {
                AddTo(scores);
            }
        }

        /// <summary>Adds the pending words' rows to <paramref name="scores"/> (<see cref="ScoreWidth"/> long), in order.</summary>
        public void AddTo(Span<double> scores)
        {
            var low = Vector256.Create<double>(scores[..4]);
            var high = Vector256.Create<double>(scores[4..]);
            var rows = StopWordRows;
            foreach (var mask in _masks[.._count])
            {
                var row = rows.AsSpan(mask * ScoreWidth, ScoreWidth);
                low += Vector256.Create<double>(row[..4]);
                high += Vector256.Create<double>(row[4..]);
            }

            low.CopyTo(scores);
            high.CopyTo(scores[4..]);
            _count = 0;
        }
    }

    private static FrozenDictionary<string, byte> BuildProfiles()
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

        return masks.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
