using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace DigestPipeline.Core.Language;

/// <summary>
/// Words → (folded stem, stop word?) for one language, cached: stemming runs once per distinct word, not per
/// occurrence. Shared by all documents of the language; thread-safe.
/// </summary>
internal sealed class StemmerCache
{
    /// <summary>Beyond this many distinct words the cache stops growing (words are still stemmed, just not kept).</summary>
    private const int MaxEntries = 500_000;

    private static readonly ConcurrentDictionary<string, StemmerCache> ByLanguage = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, StemmedWord> _words = new(StringComparer.Ordinal);

    /// <summary>Where the stems are numbered: one table for every language, which tokens read their stems back from.</summary>
    private readonly StemTable _stemTable = StemTable.Shared;
    private readonly ConcurrentDictionary<string, StemmedWord>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly PackedWordTable _shortWords = new();
    private readonly LanguageStemmer _stemmer;
    private readonly StopWords _stopWords;

    private StemmerCache(string language)
    {
        Language = language;
        _stemmer = LanguageStemmer.For(language);
        _stopWords = StopWords.For(language);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The analysed language: <c>fr</c>, <c>en</c>, <c>de</c>, <c>es</c>, <c>it</c>, <c>pt</c>, <c>nl</c>, or another code (no stemming).</summary>
    public string Language { get; }

    public static StemmerCache For(string? language) =>
        ByLanguage.GetOrAdd(NormaliseLanguage(language), static code => new StemmerCache(code));

    /// <summary><c>fr-CA</c> → <c>fr</c>; empty → <c>und</c>.</summary>
    public static string NormaliseLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return "und";
        }

        var code = language.Trim();
        var dash = code.IndexOfAny(['-', '_']);
        return (dash > 0 ? code[..dash] : code).ToLowerInvariant();
    }

    /// <param name="word">one word, in any case.</param>
    /// <param name="buffer">room to lower-case the word, at least as long as it.</param>
    public StemmedWord Find(ReadOnlySpan<char> word, Span<char> buffer) =>
        PackedWordKey.TryPackLatin1Long(word, out var packed, out var high) ? Find(packed, high, word, buffer) : Get(LowerCase(word, buffer));

    /// <summary><see cref="Find(ReadOnlySpan{char}, Span{char})"/> for a word whose <see cref="PackedWordKey.TryPackLatin1Long"/> keys the caller packed.</summary>
    /// <remarks>Inlined into the tokenizer's loop, the table's lookup with it: a call or two less per word of the text,
    /// the word not yet in the table (a word met for the first time) apart.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public StemmedWord Find(ulong packed, ulong high, ReadOnlySpan<char> word, Span<char> buffer) =>
        _shortWords.TryGetValue(packed, high, out var known) ? known : Add(packed, high, word, buffer);

    /// <summary>Whether the word is in the table of packed words, the fast path (for tests).</summary>
    internal bool HoldsPacked(ReadOnlySpan<char> word) =>
        PackedWordKey.TryPackLatin1Long(word, out var packed, out var high) && _shortWords.TryGetValue(packed, high, out _);

    /// <summary>Stems a word the table does not hold yet, and keeps it there.</summary>
    private StemmedWord Add(ulong packed, ulong high, ReadOnlySpan<char> word, Span<char> buffer)
    {
        var stemmed = Get(LowerCase(word, buffer));
        if (_shortWords.Count < MaxEntries)
        {
            _shortWords.TryAdd(packed, high, stemmed);
        }

        return stemmed;
    }

    /// <param name="lowerCase">one word, lower-cased.</param>
    public StemmedWord Get(ReadOnlySpan<char> lowerCase)
    {
        if (_lookup.TryGetValue(lowerCase, out var known))
        {
            return known;
        }

        var word = lowerCase.ToString();
        var stem = string.Intern(TextFolding.Fold(_stemmer.Stem(word)));
        var stemmed = new StemmedWord(_stemTable.IdOf(stem), _stopWords.Contains(word), char.IsDigit(stem[0]));
        if (_words.Count < MaxEntries)
        {
            _words.TryAdd(word, stemmed);
        }

        return stemmed;
    }

    /// <summary>The stem's number (see <see cref="StemmedWord.StemId"/>); -1 for a stem never met.</summary>
    public int FindStemId(string stem) => _stemTable.Find(stem);

    /// <summary>Invariant lower case; ASCII words skip the culture tables.</summary>
    private static Span<char> LowerCase(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var lower = buffer[..word.Length];
        if (Ascii.ToLower(word, lower, out _) != OperationStatus.Done)
        {
            word.ToLowerInvariant(lower);
        }

        return lower;
    }
}

/// <summary>A word's folded stem by its number (<see cref="StemTable"/>: 8 bytes in all), and whether it is a stop word.</summary>
/// <param name="StemStartsWithDigit">Whether the stem's first character is a digit: known here once per word of the
/// vocabulary, so that key phrases need not read the stem's characters (a cache miss per rare word).</param>
internal readonly record struct StemmedWord(int StemId, bool IsStop, bool StemStartsWithDigit)
{
    /// <summary>The folded stem (interned).</summary>
    public string Stem => StemTable.Shared.Stem(StemId);
}
