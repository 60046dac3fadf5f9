using System.Buffers;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// Whether a sentence opens with a reference to what came before it (a pronoun, a demonstrative, "other", "such",
/// "ces derniers", a connective such as "however" or "pourtant"), and so does not stand on its own in a summary
/// unless the sentence before it comes too. Rules per language (fr, en; other languages: none), listed in the
/// README; a demonstrative followed by a time word ("this year", "cette semaine") refers to the calendar, not to the
/// text, and stands alone.
/// </summary>
internal static class DependentOpening
{
    /// <summary>Opening quotes, dashes, bullets and trailing punctuation, trimmed from each word.</summary>
    private const string TrimmedCharacters = "«»\"“”‘—–-•►(),;:.!?\u00A0\u202F";

    private static readonly Dictionary<string, Rules> ByLanguage = new(StringComparer.Ordinal)
    {
        ["fr"] = new Rules(
            Words: ["il", "ils", "elle", "elles", "cela", "ceci", "ça", "celui-ci", "celle-ci", "ceux-ci", "celles-ci", "celui-là", "celle-là",
                "ceux-là", "celles-là", "ces", "cette", "cet", "ce", "celui", "celle", "ceux", "celles", "lui", "eux", "tel", "telle", "tels",
                "telles", "autre", "autres", "d'autres", "mais", "pourtant", "cependant", "toutefois", "néanmoins", "donc", "ainsi", "aussi",
                "d'ailleurs", "or", "car", "puis", "ensuite", "enfin", "également", "notamment", "là"],
            Phrases: ["c'est", "c’est", "ce dernier", "cette dernière", "ces derniers", "ces dernières", "de plus", "en effet", "par ailleurs",
                "en outre", "de même", "de tels", "de telles", "un autre", "une autre", "l'autre", "l’autre", "les autres", "le premier",
                "la première", "le second", "la seconde", "en revanche", "au contraire", "pour autant", "à cet égard", "dans ce cadre",
                "dans ce contexte", "à ce titre", "y compris"],
            Demonstratives: ["ce", "cet", "cette", "ces"],
            TimeWords: ["année", "an", "mois", "semaine", "week-end", "jour", "matin", "soir", "midi", "lundi", "mardi", "mercredi", "jeudi",
                "vendredi", "samedi", "dimanche", "printemps", "été", "automne", "hiver", "siècle", "trimestre"]),
        ["en"] = new Rules(
            Words: ["he", "she", "it", "they", "them", "his", "her", "its", "their", "this", "that", "these", "those", "such", "other",
                "others", "another", "however", "but", "also", "moreover", "furthermore", "meanwhile", "instead", "thus", "therefore",
                "hence", "still", "yet", "then", "likewise", "similarly", "nevertheless", "nonetheless", "besides", "both"],
            Phrases: ["the latter", "the former", "the other", "the others", "the same", "in addition", "as a result", "in turn", "by contrast",
                "on the other hand", "even so", "as well"],
            Demonstratives: ["this", "that", "these", "those"],
            TimeWords: ["year", "week", "weekend", "month", "morning", "afternoon", "evening", "season", "summer", "winter", "spring", "autumn",
                "fall", "quarter", "century", "decade", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "time"]),
    };

    public static bool DependsOnPrevious(string language, ReadOnlySpan<char> sentence)
    {
        if (!ByLanguage.TryGetValue(language, out var rules))
            return false;

        // Most sentences open on a word that no rule starts with, which the first word alone tells, without
        // allocating: every rule below needs the first word to be one of the words, or a phrase's first word.
        var opening = FirstWord(sentence);
        Span<char> lower = stackalloc char[32];
        if (opening.IsEmpty)
            return false;
        if (opening.Length <= lower.Length && !rules.OpeningLookup.Contains(lower[..opening.ToLowerInvariant(lower)]))
            return false;

        // The first three words, lower-cased and joined by single spaces in one buffer: each word, and the first two or
        // three as a phrase, are slices of it (a sentence opening on "The" reaches here: strings for its words were a
        // third of selection's time).
        Span<Range> words = stackalloc Range[3];
        var count = 0;
        var at = 0;
        var length = -1;
        while (count < words.Length && NextWord(sentence, ref at, out var word))
        {
            words[count++] = word;
            length += word.GetOffsetAndLength(sentence.Length).Length + 1;
        }

        if (count == 0)
            return false;

        char[]? rented = null;
        var joined = length <= 128 ? stackalloc char[128] : (rented = ArrayPool<char>.Shared.Rent(length));
        Span<int> ends = stackalloc int[3];
        var filled = 0;
        for (var w = 0; w < count; w++)
        {
            if (w > 0)
                joined[filled++] = ' ';
            filled += sentence[words[w]].ToLowerInvariant(joined[filled..]);
            ends[w] = filled;
        }

        var depends = Depends(language, rules, joined, ends[..count]);
        if (rented is not null)
            ArrayPool<char>.Shared.Return(rented);
        return depends;
    }

    /// <param name="joined">The first words, lower-cased, joined by spaces.</param>
    /// <param name="ends">Where each word ends in <paramref name="joined"/> (at least one).</param>
    private static bool Depends(string language, Rules rules, ReadOnlySpan<char> joined, ReadOnlySpan<int> ends)
    {
        var first = joined[..ends[0]];
        var second = ends.Length > 1 ? joined[(ends[0] + 1)..ends[1]] : [];

        // Impersonal openings point nowhere: "It is expected that…", "Il y a deux ans…", "Il faut…".
        if (ends.Length > 1 && ((language == "en" && first is "it" && second is "is" or "was" or "seems" or "appears" or "remains")
            || (language == "fr" && first is "il" && second is "y" or "faut" or "s'agit" or "s’agit" or "semble" or "reste" or "existe" or "suffit")))
            return false;
        if (rules.DemonstrativeLookup.Contains(first) && ends.Length > 1 && rules.TimeWordLookup.Contains(second))
            return false;
        if (rules.WordLookup.Contains(first))
            return true;
        var two = ends.Length > 1 ? joined[..ends[1]] : first;
        var three = ends.Length > 2 ? joined[..ends[2]] : two;
        return rules.PhraseLookup.Contains(first) || rules.PhraseLookup.Contains(two) || rules.PhraseLookup.Contains(three);
    }

    /// <summary>The first word as <see cref="NextWord"/> finds it, before lower-casing; empty when there is none.</summary>
    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> sentence)
    {
        var at = 0;
        return NextWord(sentence, ref at, out var word) ? sentence[word] : [];
    }

    /// <summary>Where the next whitespace-separated token from <paramref name="at"/> is, trimmed of quotes, dashes and bullets (skipping tokens of only those).</summary>
    private static bool NextWord(ReadOnlySpan<char> sentence, ref int at, out Range word)
    {
        while (at < sentence.Length)
        {
            if (char.IsWhiteSpace(sentence[at]))
            {
                at++;
                continue;
            }

            var start = at;
            while (at < sentence.Length && !char.IsWhiteSpace(sentence[at]))
            {
                at++;
            }

            var token = sentence[start..at];
            var trimmed = token.TrimStart(TrimmedCharacters);
            var from = start + (token.Length - trimmed.Length);
            var length = trimmed.TrimEnd(TrimmedCharacters).Length;
            if (length > 0)
            {
                word = new Range(from, from + length);
                return true;
            }
        }

        word = default;
        return false;
    }

    private sealed class Rules(string[] Words, string[] Phrases, string[] Demonstratives, string[] TimeWords)
    {
        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WordLookup { get; } = Lookup(Words);

        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PhraseLookup { get; } = Lookup(Phrases);

        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DemonstrativeLookup { get; } = Lookup(Demonstratives);

        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeWordLookup { get; } = Lookup(TimeWords);

        /// <summary>The words and phrases, and each phrase's first word: a sentence opening on none of them depends on nothing.</summary>
        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OpeningLookup { get; } =
            Lookup([.. Words.Concat(Phrases).Concat(Phrases.Select(p => p.Split(' ')[0]))]);

        private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(string[] entries) =>
            entries.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
