using System.Collections.Concurrent;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Core.Themes;

/// <summary>
/// The taxonomy's keywords compiled for one document language, and the rule that says whether a word of the text
/// matches a word of a keyword. Stems alone are not enough (<c>énergétique</c> → <c>energet</c>, <c>énergies</c> →
/// <c>energ</c>), so two stems also match when they share a long prefix that covers nearly all of the keyword's
/// stem (<see cref="StemsMatch"/>). Thread-safe; the stem → keywords lookups are cached.
/// </summary>
internal sealed class KeywordIndex
{
    /// <summary>Shortest shared prefix for a prefix match; shorter stems must be equal.</summary>
    internal const int MinPrefix = 5;

    private readonly Dictionary<string, List<int>> _byFirstStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byFirstPrefix = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]> _startingWith = new(StringComparer.Ordinal);
    private readonly FirstStemFilter _firstStems = new();
    private readonly Lock _growing = new();

    /// <summary>
    /// <see cref="KeywordsStartingWith(string)"/> by the stem's number in <see cref="Stems"/>: an array read instead of
    /// hashing the stem, for every content word of every sentence. Each entry holds its (interned) stem, so a word
    /// whose number comes from another cache is looked up by its stem instead.
    /// </summary>
    private StemKeywords[] _byStemId = [];

    /// <summary>
    /// One bit per stem number of <see cref="Stems"/>: set when the stem starts no keyword, as most of a text's stems
    /// do. Read first for the words of this index's own cache: 35,000 stems are 4 KB of bits that stay in the core's
    /// cache, where <see cref="_byStemId"/>'s 16-byte entries cost a cache miss per rare word.
    /// </summary>
    private ulong[] _startsNoKeyword = [];

    private KeywordIndex(StemmerCache stems, IReadOnlyList<ThemeKeyword> keywords, int themeCount)
    {
        Stems = stems;
        Keywords = keywords;
        ThemeCount = themeCount;
        for (var k = 0; k < keywords.Count; k++)
        {
            var first = keywords[k].Stems[0];
            _firstStems.Add(first);
            Add(_byFirstStem, first, k);
            if (first.Length >= MinPrefix)
            {
                Add(_byFirstPrefix, first[..MinPrefix], k);
            }
        }
    }

    public StemmerCache Stems { get; }

    /// <summary>The stemmer is a light one (see <see cref="StemsMatch"/>).</summary>
    public bool TextMayBeShorter => Stems.Language is not ("en" or "nl");

    /// <summary><see cref="StemsMatch"/> with this language's rule for a shorter text stem.</summary>
    public bool Matches(string text, string keyword) => StemsMatch(text, keyword, TextMayBeShorter);

    public IReadOnlyList<ThemeKeyword> Keywords { get; }

    public int ThemeCount { get; }

    /// <summary>
    /// Compiles the keywords a document in <paramref name="language"/> is matched against: the theme's keywords in
    /// that language, else its English ones, else all of them; all stemmed with the document language's stemmer.
    /// </summary>
    public static KeywordIndex Build(ThemeTaxonomy taxonomy, string language) => Build(taxonomy, language, theme => theme.Keywords);

    /// <summary>Compiles the themes' <see cref="ThemeDefinition.Requires"/> terms the same way.</summary>
    public static KeywordIndex BuildRequirements(ThemeTaxonomy taxonomy, string language) => Build(taxonomy, language, theme => theme.Requires);

    private static KeywordIndex Build(
        ThemeTaxonomy taxonomy, string language, Func<ThemeDefinition, IReadOnlyDictionary<string, IReadOnlyList<string>>> termsOf)
    {
        var stems = StemmerCache.For(language);
        var keywords = new List<ThemeKeyword>();
        for (var t = 0; t < taxonomy.Themes.Count; t++)
        {
            var terms = termsOf(taxonomy.Themes[t]);
            IEnumerable<string> texts =
                terms.TryGetValue(stems.Language, out var own) && own.Count > 0 ? own
                : terms.TryGetValue("en", out var english) && english.Count > 0 ? english
                : terms.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in texts)
            {
                var tokens = Tokenizer.Tokenize(text, stems);
                var words = tokens.Where(w => !w.IsStop).Select(w => w.Stem).ToArray();
                if (words.Length == 0 || !seen.Add(string.Join(' ', words)))
                {
                    continue;
                }

                // "start-up" without its stop word is "start", which would match every "start" of a text, a word in
                // another sense: a keyword left with one word of several matches only where the text writes it whole
                // (ThemeMatcher). Two content words ("puissance de calcul") are specific enough as they are.
                keywords.Add(new ThemeKeyword(t, text, words, 1.0 + (0.5 * (words.Length - 1)), WrittenWhole: words.Length == 1 && tokens.Count > 1)
                {
                    WrittenBefore = tokens.First(w => !w.IsStop).Start,
                    StopWordsBefore = StopWordsBefore(tokens),
                });
            }
        }

        return new KeywordIndex(stems, keywords, taxonomy.Themes.Count);
    }

    /// <summary>For each content word of a keyword, whether stop words come between it and the one before it.</summary>
    private static bool[] StopWordsBefore(List<Token> tokens)
    {
        var before = new List<bool>();
        var stop = false;
        foreach (var token in tokens)
        {
            if (token.IsStop)
            {
                stop = true;
                continue;
            }

            before.Add(before.Count > 0 && stop);
            stop = false;
        }

        return [.. before];
    }

    /// <summary>Beyond this many stems, the lookups by number are not kept.</summary>
    private const int MaxStemIds = 1 << 20;

    /// <summary><see cref="KeywordsStartingWith(string)"/> for a word of the text.</summary>
    /// <param name="fromOwnStems">The word comes from <see cref="Stems"/> (its stem number is one of this cache's).</param>
    public int[] KeywordsStartingWith(Token word, bool fromOwnStems = false)
    {
        var stemId = word.StemId;
        if (fromOwnStems)
        {
            var noKeyword = Volatile.Read(ref _startsNoKeyword);
            if ((uint)(stemId >> 6) < (uint)noKeyword.Length && (noKeyword[stemId >> 6] & (1UL << stemId)) != 0)
            {
                return [];
            }
        }

        var byStemId = Volatile.Read(ref _byStemId);

        // Compares references only (no read of the stem's characters): stems are interned.
        if ((uint)stemId < (uint)byStemId.Length && ReferenceEquals(Volatile.Read(ref byStemId[stemId].Stem), word.Stem))
        {
            return byStemId[stemId].Keywords;
        }

        var keywords = KeywordsStartingWith(word.Stem);
        if ((uint)stemId < MaxStemIds)
        {
            // Entries are written once, under the lock, the keywords before the stem that validates them: a reader
            // that sees the stem sees its keywords (a stem of another cache with the same number is looked up by its
            // stem each time).
            lock (_growing)
            {
                byStemId = _byStemId;
                if (stemId >= byStemId.Length)
                {
                    var grown = new StemKeywords[Math.Min(MaxStemIds, Math.Max(stemId + 1, Math.Max(1024, 2 * byStemId.Length)))];
                    byStemId.CopyTo(grown, 0);
                    Volatile.Write(ref _byStemId, grown);
                    byStemId = grown;
                }

                if (byStemId[stemId].Stem is null)
                {
                    byStemId[stemId].Keywords = keywords;
                    Volatile.Write(ref byStemId[stemId].Stem, word.Stem);
                }

                if (fromOwnStems && keywords.Length == 0)
                {
                    // The bits grow with the entries (a set bit is a fact about this cache's stem, never undone).
                    var noKeyword = _startsNoKeyword;
                    if (stemId >> 6 >= noKeyword.Length)
                    {
                        var grown = new ulong[(byStemId.Length + 63) >> 6];
                        noKeyword.CopyTo(grown, 0);
                        Volatile.Write(ref _startsNoKeyword, grown);
                        noKeyword = grown;
                    }

                    noKeyword[stemId >> 6] |= 1UL << stemId;
                }
            }
        }

        return keywords;
    }

    /// <summary>Keywords whose first word matches a word of the text with this stem, in keyword order.</summary>
    public int[] KeywordsStartingWith(string stem) =>
        !_firstStems.MayMatch(stem) ? []
        : _startingWith.TryGetValue(stem, out var keywords) ? keywords
        : _startingWith.GetOrAdd(stem, Find(stem));

    /// <summary>
    /// True when a text stem matches a keyword stem: equal, or sharing a prefix of at least <see cref="MinPrefix"/>
    /// characters that leaves at most 2 characters of the keyword stem and 4 of the text stem
    /// (<c>energ</c> ~ <c>energet</c>, <c>industrial</c> ~ <c>industrialis</c>, but not <c>inter</c> ~ <c>internation</c>).
    /// </summary>
    /// <param name="textMayBeShorter">Whether a text stem may be the shorter one. Light stemmers (fr, de, es, it, pt)
    /// leave "énergie" as <c>energ</c> and "énergétique" as <c>energet</c>: the shorter stem is the same word family cut
    /// short. Snowball's full stemmers (en, nl) already join a family, so there a shorter text stem is another word:
    /// "start" is not "startup".</param>
    public static bool StemsMatch(string text, string keyword, bool textMayBeShorter = true)
    {
        if (string.Equals(text, keyword, StringComparison.Ordinal))
        {
            return true;
        }

        if (text.Length < MinPrefix || keyword.Length < MinPrefix)
        {
            return false;
        }

        var common = text.AsSpan().CommonPrefixLength(keyword);
        return common >= MinPrefix && keyword.Length - common <= 2 && text.Length - common <= 4 && !char.IsDigit(keyword[0])
            && (textMayBeShorter || text.Length >= keyword.Length);
    }

    private int[] Find(string stem)
    {
        var found = new SortedSet<int>();
        if (_byFirstStem.TryGetValue(stem, out var exact))
        {
            found.UnionWith(exact);
        }

        if (stem.Length >= MinPrefix && _byFirstPrefix.TryGetValue(stem[..MinPrefix], out var near))
        {
            foreach (var k in near)
            {
                if (Matches(stem, Keywords[k].Stems[0]))
                {
                    found.Add(k);
                }
            }
        }

        return [.. found];
    }

    private struct StemKeywords
    {
        public string? Stem;
        public int[] Keywords;
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
