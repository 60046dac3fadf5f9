using System.Buffers;

namespace DigestPipeline.Core.Language;

/// <summary>
/// Splits a run of text (a paragraph) into sentences by the rules of its language: at . ! ? … (and runs of them)
/// followed by whitespace. Not an end: a period inside a token (3.5 %, 1.13bn, 12.03.2024), a terminator followed by
/// a lowercase word (ellipsis "… à condition", "« C’est fini ! » a-t-il dit"), a language's non-terminal abbreviation (Mr., M.,
/// Mme., p. ex., e.g.) or initial, an ambiguous abbreviation (etc., J.-C.) unless a capital follows, a dotted
/// acronym (U.S., p.m.) or a German ordinal (am 3. Oktober) unless a capitalised function word of the language
/// follows (U.S. Army, but U.S. The). Closing quotes and brackets after the terminator belong to the sentence,
/// including a French « … » closed after a space. A « … » quotation of several sentences stays inside one sentence
/// when it closes within <see cref="MaxQuotationLength"/> characters.
/// Chinese and Japanese sentences end at their own full-width marks (。！？, the half-width ｡, and ． unless a digit
/// or Latin letter follows, as in ３．５), with no space after them and whatever the next character, since CJK has no
/// upper or lower case to go by; in Japanese a quotation closed by 」 or 』 and followed by the particle と (「…？」と
/// 言った) goes on. Arabic's question mark ؟ is a terminator like ?.
/// A line feed inside the run ends a sentence whatever follows: structure readers keep one there only when the text is
/// written one sentence a line (a lower-cased, tokenized release has no capitals to go by), and join the lines of a
/// hard-wrapped paragraph with a space.
/// Sentence offsets exclude surrounding whitespace. Linear in the text length; when given a step, calls it at every
/// terminator, so that a caller's budget can stop a long run.
/// </summary>
internal sealed class SentenceSplitter
{
    /// <summary>A « opened longer ago than this is taken as unclosed (a stray mark), so the text splits again.</summary>
    public const int MaxQuotationLength = 600;

    private static readonly SearchValues<char> Terminators = SearchValues.Create(".!?…‼⁇⁈⁉؟。！？｡．");

    /// <summary>The full-width terminators of Chinese and Japanese, which need no space after them.</summary>
    private static readonly SearchValues<char> UnspacedTerminators = SearchValues.Create("。！？｡．");

    private readonly Abbreviations _abbreviations;
    private readonly FunctionWords _functionWords;
    private readonly string _language;

    private SentenceSplitter(string language)
    {
        _abbreviations = Abbreviations.For(language);
        _functionWords = FunctionWords.For(language);
        _language = language;
    }

    /// <param name="language">an ISO 639-1 code; another (unknown) gets only the rules common to every language.</param>
    public static SentenceSplitter For(string language) => new(language);

    /// <summary>Adds the sentences of <c>text[start..end)</c> to <paramref name="sentences"/>, in order.</summary>
    /// <param name="step">called at each terminator looked at (a caller's budget).</param>
    public void Split(string text, int start, int end, List<SentenceSpan> sentences, Action? step = null)
    {
        int lineFeed;
        while ((lineFeed = text.AsSpan(start, end - start).IndexOf('\n')) >= 0)
        {
            SplitLine(text, start, start + lineFeed, sentences, step);
            start += lineFeed + 1;
        }

        SplitLine(text, start, end, sentences, step);
    }

    private void SplitLine(string text, int start, int end, List<SentenceSpan> sentences, Action? step)
    {
        var sentenceStart = start;
        var i = start;
        var quotation = new QuotationTracker(start);
        while (i < end)
        {
            var found = text.AsSpan(i, end - i).IndexOfAny(Terminators);
            if (found < 0)
            {
                break;
            }

            step?.Invoke();
            i += found;
            var terminatorStart = i;
            var j = i;
            while (j < end && IsTerminator(text[j])) j++;
            var singlePeriod = j - terminatorStart == 1 && text[terminatorStart] == '.';

            var k = SkipClosers(text, j, end);
            if (UnspacedEnd(text, terminatorStart, j, k, end) is { } unspaced)
            {
                if (unspaced)
                {
                    Add(text, sentenceStart, k, sentences);
                    sentenceStart = k;
                }

                i = k > j ? k : j;
                continue;
            }

            if (k < end && text[k] != ' ')
            {
                i = j;
                continue;
            }

            var next = k;
            while (next < end && text[next] == ' ') next++;
            if (next >= end) break;

            var nextWord = NextWord(text, next, end);
            if (quotation.ClosesLater(text, k, end))
            {
                i = j;
                continue;
            }

            if (IsBoundary(text, terminatorStart, singlePeriod, nextWord, _abbreviations, _functionWords, _language))
            {
                Add(text, sentenceStart, k, sentences);
                sentenceStart = next;
                i = next;
            }
            else
            {
                i = j;
            }
        }

        Add(text, sentenceStart, end, sentences);
    }

    /// <summary>Whether a « is open at a position, tracked as the splitter moves forward (linear overall).</summary>
    private struct QuotationTracker(int start)
    {
        private int _scanned = start;
        private int _depth;
        private int _openedAt = -1;

        /// <summary>True when a « is open at <paramref name="position"/> and its » comes within the run and the length limit.</summary>
        public bool ClosesLater(string text, int position, int end)
        {
            while (_scanned < position)
            {
                var found = text.AsSpan(_scanned, position - _scanned).IndexOfAny('«', '»');
                if (found < 0)
                {
                    _scanned = position;
                    break;
                }

                _scanned += found;
                if (text[_scanned] == '«')
                {
                    if (_depth++ == 0) _openedAt = _scanned;
                }
                else if (_depth > 0)
                {
                    _depth--;
                }

                _scanned++;
            }

            if (_depth == 0) return false;
            var limit = Math.Min(end, _openedAt + MaxQuotationLength);
            return position < limit && text.AsSpan(position, limit - position).Contains('»');
        }
    }

    private static bool IsBoundary(
        string text, int terminatorStart, bool singlePeriod, ReadOnlySpan<char> nextWord, Abbreviations abbreviations, FunctionWords functionWords, string language)
    {
        var next = nextWord.IsEmpty ? ' ' : nextWord[0];
        if (char.IsLower(next)) return false;
        if (!singlePeriod) return true;

        var token = TokenBefore(text, terminatorStart);
        if (token.IsEmpty) return true;
        if (abbreviations.IsNonTerminal(token)) return false;
        if (abbreviations.IsAmbiguous(token)) return char.IsUpper(next);
        if (IsDottedInitials(token) || (language == "de" && IsOrdinalNumber(token))) return char.IsUpper(next) && functionWords.Contains(nextWord);
        return true;
    }

    /// <summary>
    /// For a run of terminators ending in a full-width one (<c>text[start..stop)</c>, closers up to
    /// <paramref name="closed"/>): whether it ends the sentence; null for any other run, left to the spaced rules.
    /// </summary>
    private bool? UnspacedEnd(string text, int start, int stop, int closed, int end)
    {
        var last = text[stop - 1];
        if (!UnspacedTerminators.Contains(last)) return null;
        if (last == '．' && stop - start == 1 && stop < end && IsLatinLetterOrDigit(text[stop])) return false;
        return !(_language == "ja" && closed > stop && text[closed - 1] is '」' or '』' && closed < end && text[closed] == 'と');
    }

    /// <summary>ASCII or full-width Latin letters and digits (Ａ, ３): what follows a ． inside a number or an abbreviation.</summary>
    private static bool IsLatinLetterOrDigit(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ';

    private static bool IsOrdinalNumber(ReadOnlySpan<char> token) => token.Length <= 2 && char.IsAsciiDigit(token[0]) && char.IsAsciiDigit(token[^1]);

    private static bool IsTerminator(char c) => Terminators.Contains(c);

    /// <summary>
    /// Closing quotes and brackets right after a terminator (CJK ones included: 」』）】》〉); a » (or ›) may follow a
    /// space, French style.
    /// </summary>
    private static int SkipClosers(string text, int k, int end)
    {
        while (k < end)
        {
            var c = text[k];
            if (c is '»' or '›' or '”' or '’' or '"' or '\'' or ')' or ']' or '」' or '』' or '）' or '】' or '》' or '〉' or '〕')
            {
                k++;
                continue;
            }

            if (c == ' ' && k + 1 < end && text[k + 1] is '»' or '›')
            {
                k += 2;
                continue;
            }

            break;
        }

        return k;
    }

    /// <summary>
    /// The first word of the next sentence (its letters and digits), past opening quotes, brackets and dashes; a
    /// single other character when one comes first; empty if none.
    /// </summary>
    private static ReadOnlySpan<char> NextWord(string text, int start, int end)
    {
        for (var m = start; m < end; m++)
        {
            var c = text[m];
            if (c is ' ' or '«' or '‹' or '“' or '‘' or '"' or '\'' or '(' or '[' or '¿' or '¡' or '—' or '–' or '-' or '„' or '‚') continue;
            if (!char.IsLetterOrDigit(c)) return text.AsSpan(m, 1);
            var wordEnd = m + 1;
            while (wordEnd < end && char.IsLetterOrDigit(text[wordEnd])) wordEnd++;
            return text.AsSpan(m, wordEnd - m);
        }

        return [];
    }

    /// <summary>The word before a period, without leading quotes or brackets and without a French or Italian elision (l’, d’).</summary>
    private static ReadOnlySpan<char> TokenBefore(string text, int periodIndex)
    {
        var start = periodIndex;
        while (start > 0 && text[start - 1] is not (' ' or '(' or '[' or '«' or '“' or '‘' or '"' or '„' or '/')) start--;
        var token = text.AsSpan(start, periodIndex - start);
        var apostrophe = token.LastIndexOfAny('’', '\'');
        return apostrophe >= 0 ? token[(apostrophe + 1)..] : token;
    }

    /// <summary>Single letters joined by periods: U.S, e.g, J.R.R.</summary>
    private static bool IsDottedInitials(ReadOnlySpan<char> token)
    {
        if (token.Length < 3) return false;
        for (var i = 0; i < token.Length; i++)
        {
            if (i % 2 == 0 ? !char.IsLetter(token[i]) : token[i] != '.') return false;
        }

        return true;
    }

    /// <summary>Adds <c>text[start..end)</c> without its surrounding whitespace, unless nothing is left.</summary>
    public static void Add(string text, int start, int end, List<SentenceSpan> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) sentences.Add(new SentenceSpan(start, end - start));
    }
}

/// <summary>Where a sentence is in the text it was split from.</summary>
internal readonly record struct SentenceSpan(int Start, int Length);
