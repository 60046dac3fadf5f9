using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// A few key phrases for a theme, as they are written in the text: the theme's keywords found in its sentences,
/// and runs of up to three content words (RAKE-like: stop words and punctuation end a run), weighted by the score
/// of the best sentences they occur in. A run met only once counts only when it is a name (several words capitalised,
/// not at the start of its sentence): without part-of-speech tags, a single run is as likely to be "committee also
/// agreed" as a real phrase. Single words common to the whole document are left out, and a phrase whose words are
/// within (or contain) a phrase already taken, stem for near stem, is skipped.
/// </summary>
internal static class KeyPhraseExtractor
{
    public const int MaxKeyPhrases = 5;
    private const int MaxRunWords = 3;
    private const double KeywordBonus = 2.0;

    /// <summary>
    /// Single lower-case words ("market", "growth") say little beyond the theme: at most this many in one list, so that
    /// phrases and names fill the rest.
    /// </summary>
    private const int MaxCommonWords = 2;

    /// <summary>Free phrases (not keywords) are taken from this many of the best sentences only.</summary>
    private const int RunSentences = 10;

    private const int MaxCachedLabels = 4096;

    /// <summary>The most phrases or sentences the thread's scratch list and array keep room for between themes.</summary>
    private const int MaxCachedCandidates = 4096;

    /// <summary>The thread's list of phrases shown and its copy of the ranked sentences, cleared: two allocations per theme fewer.</summary>
    [ThreadStatic]
    private static List<int>? t_candidates;

    [ThreadStatic]
    private static RankedSentence[]? t_ordered;

    private static readonly ConcurrentDictionary<(StemmerCache Stems, string Label), Token[]> LabelCache = new();

    /// <param name="evidence">The document's keyword matches, of which those of <paramref name="theme"/> are the
    /// theme's keywords in its sentences; null for a discovered theme, which has none. (A filter per sentence, a
    /// LINQ query and its enumerator, was allocated for every ranked sentence of every theme.)</param>
    /// <param name="theme">The declared theme's number in the taxonomy.</param>
    /// <param name="heading">For a discovered theme, the heading it is named from: its phrases come first.</param>
    public static IReadOnlyList<string> Extract(
        AnalyzedDocument document,
        SentenceSimilarity similarity,
        IReadOnlyList<RankedSentence> sentences,
        ThemeEvidence? evidence,
        int theme,
        AnalyzedSentence? heading = null,
        string? themeLabel = null)
    {
        var label = themeLabel is null ? [] : LabelStems(themeLabel, document.Stems);
        var phrases = new Phrases(document.Source.Text);
        var best = BestSentences(sentences);
        if (heading is not null)
        {
            AddRuns(phrases, heading, 2 * KeywordBonus, keyword: true);
        }

        for (var r = 0; r < sentences.Count; r++)
        {
            var ranked = sentences[r];
            var sentence = document.Sentences[ranked.Sentence];
            IReadOnlyList<KeywordMatch> matches = evidence is null ? [] : evidence.Matches(ranked.Sentence);
            for (var m = 0; m < matches.Count; m++)
            {
                var match = matches[m];
                if (match.Theme == theme)
                {
                    phrases.Add(sentence, sentence.Words, match.FirstWord, match.WordCount, match.Start, match.End, KeywordBonus * (1 + ranked.Score), keyword: true);
                }
            }

            if (Array.IndexOf(best, ranked.Sentence) < 0)
            {
                continue;
            }

            AddRuns(phrases, sentence, 0.5 + ranked.Score, keyword: false);
        }

        var all = phrases.All;
        var candidates = t_candidates ??= [];
        candidates.Clear();
        for (var p = 0; p < all.Length; p++)
        {
            if (IsShown(all[p], similarity, label))
            {
                candidates.Add(p);
            }
        }

        // Ordinals are unique, so the order is total: any sort gives the same list.
        candidates.Sort(new PhraseOrder(phrases.Kept));

        var chosen = new List<int>(MaxKeyPhrases);
        var commonWords = 0;
        foreach (var candidate in candidates)
        {
            ref readonly var phrase = ref all[candidate];
            var common = phrase.WordCount == 1 && !phrase.IsName;
            if ((common && commonWords == MaxCommonWords) || Overlaps(phrase, chosen, all))
            {
                continue;
            }

            commonWords += common ? 1 : 0;
            chosen.Add(candidate);
            if (chosen.Count == MaxKeyPhrases)
            {
                break;
            }
        }

        var surfaces = new string[chosen.Count];
        for (var c = 0; c < surfaces.Length; c++)
        {
            ref readonly var phrase = ref all[chosen[c]];
            surfaces[c] = Phrases.CollapseSpaces(document.Source.Text.AsSpan(phrase.SurfaceStart, phrase.SurfaceEnd - phrase.SurfaceStart));
        }

        phrases.Release();
        if (candidates.Capacity > MaxCachedCandidates)
        {
            t_candidates = null;
        }

        return surfaces;
    }

    /// <summary>A phrase within (or containing) one already chosen.</summary>
    private static bool Overlaps(in Phrase phrase, List<int> chosen, ReadOnlySpan<Phrase> all)
    {
        foreach (var c in chosen)
        {
            if (ContainsAll(phrase.Words, all[c].Words) || ContainsAll(all[c].Words, phrase.Words))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of a theme's label, tokenized once per language (labels are the taxonomy's: a few dozen).</summary>
    private static Token[] LabelStems(string label, StemmerCache stems)
    {
        if (LabelCache.TryGetValue((stems, label), out var known))
        {
            return known;
        }

        var found = Tokenizer.Tokenize(label, stems).ToArray();
        if (LabelCache.Count < MaxCachedLabels)
        {
            LabelCache.TryAdd((stems, label), found);
        }

        return found;
    }

    /// <summary>
    /// Several words: a theme's keyword, or a run met more than once, or a name. One word only when it says more
    /// than the theme's heading: not a word of the theme's label ("santé" under Santé), not a word common to the
    /// whole document, and, unless it is one of the theme's keywords, a name (capitalised away from the start of its
    /// sentences, "Nvidia"): a single lower-case word out of a run ("said", "start", "work") is rarely a topic.
    /// </summary>
    private static bool IsShown(in Phrase phrase, SentenceSimilarity similarity, Token[] label)
    {
        if (phrase.WordCount > 1)
            return phrase.Keyword || phrase.Occurrences > 1 || phrase.IsName;

        // The flags first: most single words are neither keywords nor repeated names, and comparing them with every
        // stem of the label was most of this test's time.
        return (phrase.Keyword || (phrase.Occurrences > 1 && phrase.IsName))
            && !similarity.IsCommon(phrase.Words[0].StemId) && !ContainsAll(label, phrase.Words);
    }

    /// <summary>The <see cref="RunSentences"/> best sentences (highest score, then first in the text).</summary>
    private static int[] BestSentences(IReadOnlyList<RankedSentence> sentences)
    {
        // Sorted in a copy the thread keeps (the order is total: sentences differ).
        var orderedBuffer = t_ordered is { } kept && kept.Length >= sentences.Count ? kept : new RankedSentence[Math.Max(sentences.Count, 64)];
        t_ordered = orderedBuffer.Length <= MaxCachedCandidates ? orderedBuffer : null;
        var ordered = orderedBuffer.AsSpan(0, sentences.Count);
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = sentences[i];
        }

        ordered.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Sentence.CompareTo(b.Sentence));
        var best = new int[Math.Min(RunSentences, ordered.Length)];
        for (var i = 0; i < best.Length; i++)
        {
            best[i] = ordered[i].Sentence;
        }

        return best;
    }

    /// <summary>Adds the runs of up to <see cref="MaxRunWords"/> content words joined by spaces or hyphens.</summary>
    private static void AddRuns(Phrases phrases, AnalyzedSentence sentence, double weight, bool keyword)
    {
        var words = sentence.Words;
        var runStart = 0;
        for (var i = 0; i <= words.Length; i++)
        {
            var breaks = i == words.Length || !IsPhraseWord(words[i]) || (i > runStart && !Joined(phrases.Text, words[i - 1], words[i]));
            if (!breaks)
            {
                continue;
            }

            var runLength = i - runStart;
            if (runLength is > 0 and <= MaxRunWords)
            {
                phrases.Add(sentence, words, runStart, runLength, words[runStart].Start, words[i - 1].End, (1 + (0.5 * (runLength - 1))) * weight, keyword);
            }

            runStart = i < words.Length && IsPhraseWord(words[i]) ? i : i + 1;
        }
    }

    /// <summary>
    /// Every stem of <paramref name="part"/> is in <paramref name="all"/>, or nearly: as keywords match
    /// (<see cref="KeywordIndex.StemsMatch"/>), so "Hospital" is not shown beside "hospitaliers".
    /// </summary>
    private static bool ContainsAll(ReadOnlySpan<Token> all, ReadOnlySpan<Token> part)
    {
        // Loops rather than Array.Exists: a lambda capturing the stem was a closure allocated per stem.
        foreach (var word in part)
        {
            var stem = word.Stem;
            var found = false;
            foreach (var otherWord in all)
            {
                var other = otherWord.Stem;
                if (KeywordIndex.StemsMatch(stem, other) || KeywordIndex.StemsMatch(other, stem))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPhraseWord(Token word) => word.Length >= 2 && !word.StemStartsWithDigit;

    /// <summary>Two words belong to one run when only spaces or a hyphen separate them.</summary>
    private static bool Joined(string text, Token left, Token right)
    {
        for (var i = left.End; i < right.Start; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] is not ('-' or '‑'))
            {
                return false;
            }
        }

        return right.Start - left.End <= 3;
    }

    /// <summary>
    /// The phrases met so far, by their stems joined with spaces, in the order they were first met. Occurrences of
    /// a known phrase are looked up from the stems without building the key, and its surface string is only built
    /// for the phrases shown. Phrases are structs in an array kept by the thread, as is the dictionary that finds
    /// them: an object and an array of stems per phrase were a fifth of what summarizing allocated.
    /// </summary>
    private sealed class Phrases
    {
        /// <summary>
        /// Phrases of up to three words by their stems' numbers: the same identity as the joined stems (a stem holds no
        /// space), without building or hashing the string. Longer ones (keywords) by the joined stems.
        /// </summary>
        private const int MaxKeptPhrases = 4096;

        /// <summary>The thread's last dictionary and array, cleared: their hundreds of entries per theme were allocated anew each time.</summary>
        [ThreadStatic]
        private static Dictionary<(int Count, int First, int Second, int Third), int>? t_byStemIds;

        [ThreadStatic]
        private static Phrase[]? t_phrases;

        private readonly Dictionary<(int Count, int First, int Second, int Third), int> _byStemIds;
        private Dictionary<string, int>? _byKey;
        private char[] _key = [];
        private Phrase[] _phrases;
        private int _count;

        public Phrases(string text)
        {
            Text = text;
            _byStemIds = t_byStemIds ?? [];
            t_byStemIds = null;
            _phrases = t_phrases ?? new Phrase[64];
            t_phrases = null;
        }

        /// <summary>Hands the dictionary and the array back to the thread once the phrases are read.</summary>
        public void Release()
        {
            if (_count <= MaxKeptPhrases)
            {
                _byStemIds.Clear();
                t_byStemIds = _byStemIds;
                Array.Clear(_phrases, 0, _count);
                t_phrases = _phrases;
            }
        }

        public string Text { get; }

        /// <summary>The phrases, in the order they were first met.</summary>
        public Span<Phrase> All => _phrases.AsSpan(0, _count);

        /// <summary>The array that holds <see cref="All"/> (and room past them).</summary>
        public Phrase[] Kept => _phrases;

        public void Add(AnalyzedSentence sentence, Token[] sentenceWords, int firstWord, int wordCount, int start, int end, double score, bool keyword)
        {
            var words = sentenceWords.AsSpan(firstWord, wordCount);
            // Found first: finding may grow the array.
            var index = Find(sentenceWords, firstWord, wordCount, start);
            ref var phrase = ref _phrases[index];

            phrase.Score += score;
            phrase.Occurrences++;
            phrase.Keyword |= keyword;
            var atSentenceStart = start == sentence.Words[0].Start;
            phrase.IsName |= !atSentenceStart && IsName(Text, words);
            if (phrase.SurfaceEnd == 0 || (phrase.SurfaceAtSentenceStart && !atSentenceStart) || phrase.SurfaceAtSentenceStart == atSentenceStart)
            {
                var capitals = Capitals(Text.AsSpan(start, end - start));
                if (phrase.SurfaceEnd == 0 || (phrase.SurfaceAtSentenceStart && !atSentenceStart) || capitals < phrase.SurfaceCapitals)
                {
                    // Where the surface is, not its string: only the few phrases shown are ever written out.
                    phrase.SurfaceStart = start;
                    phrase.SurfaceEnd = end;
                    phrase.SurfaceCapitals = capitals;
                    phrase.SurfaceAtSentenceStart = atSentenceStart;
                }
            }
        }

        /// <summary>The index of the phrase of these words, added (first met at <paramref name="start"/>) if it is new.</summary>
        private int Find(Token[] sentenceWords, int firstWord, int wordCount, int start)
        {
            var words = sentenceWords.AsSpan(firstWord, wordCount);
            if (words.Length is > 0 and <= 3)
            {
                var ids = (words.Length, words[0].StemId, words.Length > 1 ? words[1].StemId : -1, words.Length > 2 ? words[2].StemId : -1);
                ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(_byStemIds, ids, out var exists);
                if (!exists)
                {
                    known = New(sentenceWords, firstWord, wordCount, start);
                }

                return known;
            }

            var key = Key(words);
            _byKey ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (!_byKey.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var phrase))
            {
                phrase = New(sentenceWords, firstWord, wordCount, start);
                _byKey.Add(key.ToString(), phrase);
            }

            return phrase;
        }

        private int New(Token[] sentenceWords, int firstWord, int wordCount, int start)
        {
            if (_count == _phrases.Length)
            {
                Array.Resize(ref _phrases, 2 * _count);
            }

            _phrases[_count] = new Phrase(sentenceWords, firstWord, wordCount, start, _count);
            return _count++;
        }

        private ReadOnlySpan<char> Key(ReadOnlySpan<Token> words)
        {
            var length = words.Length - 1;
            foreach (var word in words)
            {
                length += word.Stem.Length;
            }

            if (_key.Length < length)
            {
                _key = new char[Math.Max(length, 2 * _key.Length)];
            }

            var at = 0;
            for (var w = 0; w < words.Length; w++)
            {
                if (w > 0)
                {
                    _key[at++] = ' ';
                }

                words[w].Stem.CopyTo(_key.AsSpan(at));
                at += words[w].Stem.Length;
            }

            return _key.AsSpan(0, length);
        }

        private static bool IsName(string text, ReadOnlySpan<Token> words)
        {
            foreach (var word in words)
            {
                if (!char.IsUpper(text[word.Start]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Collapsing spaces removes no capital, so the count is taken on the text as it is.</summary>
        private static int Capitals(ReadOnlySpan<char> surface)
        {
            var count = 0;
            foreach (var c in surface)
            {
                count += char.IsUpper(c) ? 1 : 0;
            }

            return count;
        }

        internal static string CollapseSpaces(ReadOnlySpan<char> text)
        {
            var plain = true;
            for (var i = 0; i < text.Length && plain; i++)
            {
                plain = !char.IsWhiteSpace(text[i]) || (text[i] == ' ' && i > 0 && i < text.Length - 1 && !char.IsWhiteSpace(text[i + 1]));
            }

            if (plain)
            {
                return text.ToString();
            }

            var builder = new StringBuilder(text.Length);
            var space = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                builder.Append(c);
            }

            return builder.ToString();
        }
    }

    /// <summary>
    /// A phrase: where its words are (the first occurrence's, in their sentence's words: their stems are its identity),
    /// its score and surface so far.
    /// </summary>
    /// <param name="ordinal">Rank of the phrase in the order phrases were first met: the last tie-break.</param>
    private struct Phrase(Token[] sentenceWords, int firstWord, int wordCount, int firstStart, int ordinal)
    {
        private readonly Token[] _sentenceWords = sentenceWords;
        private readonly int _firstWord = firstWord;

        public readonly int WordCount = wordCount;

        public readonly int FirstStart = firstStart;

        public readonly int Ordinal = ordinal;

        /// <summary>The phrase's words where it was first met.</summary>
        public readonly ReadOnlySpan<Token> Words => _sentenceWords.AsSpan(_firstWord, WordCount);

        /// <summary>Where the text as written is shown from (spaces collapsed).</summary>
        public int SurfaceStart;

        /// <summary>0 until the phrase is first met (a phrase never ends at the text's start).</summary>
        public int SurfaceEnd;

        public int SurfaceCapitals;

        public bool SurfaceAtSentenceStart;

        public double Score;

        public int Occurrences;

        public bool Keyword;

        /// <summary>Met at least once with every word capitalised, away from the start of a sentence.</summary>
        public bool IsName;
    }

    /// <summary>Highest score first, then first met in the text, then first met by the extractor.</summary>
    private sealed class PhraseOrder(Phrase[] phrases) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            ref readonly var a = ref phrases[x];
            ref readonly var b = ref phrases[y];
            return a.Score != b.Score ? b.Score.CompareTo(a.Score)
                : a.FirstStart != b.FirstStart ? a.FirstStart.CompareTo(b.FirstStart)
                : a.Ordinal.CompareTo(b.Ordinal);
        }
    }
}
