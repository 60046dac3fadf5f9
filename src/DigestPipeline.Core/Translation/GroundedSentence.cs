using System.Collections.Frozen;
using System.Text.RegularExpressions;
using DigestPipeline.Core.Language;

namespace DigestPipeline.Core.Translation;

/// <summary>
/// Whether a machine-written sentence says only what its sources say, as far as a rule can tell: every number, date
/// word (month and weekday names) and proper name in it must appear in the sources. A proper name is a capitalised
/// word that is not the sentence's first; numbers are compared as runs of digits ("3,5" is 3 and 5), words after
/// folding case and accents ("Bâle" matches "bale"). What the rule cannot see (a wrong verb, a swapped subject) it
/// lets through: this catches invented figures, names and dates, the errors a reader cannot spot.
/// </summary>
public static partial class GroundedSentence
{
    /// <summary>Month and weekday names in the languages digests are written in, folded: dates that are words.</summary>
    private static readonly FrozenSet<string> DateWords = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <returns>The numbers, date words and names of <paramref name="sentence"/> that no source has; empty when it is grounded.</returns>
    public static IReadOnlyList<string> Ungrounded(string sentence, IEnumerable<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(sources);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (Match token in Token().Matches(source))
                (char.IsAsciiDigit(token.Value[0]) ? numbers : words).Add(TextFolding.Fold(token.Value));
        }

        var missing = new List<string>();
        var first = true;
        foreach (Match token in Token().Matches(sentence))
        {
            var value = token.Value;
            var isFirst = first;
            first = false;
            if (char.IsAsciiDigit(value[0]))
            {
                if (!numbers.Contains(value))
                    missing.Add(value);
                continue;
            }

            var folded = TextFolding.Fold(value);
            var isName = !isFirst && value.Length > 1 && char.IsUpper(value[0]);
            if ((isName || DateWords.Contains(folded)) && !words.Contains(folded))
                missing.Add(value);
        }

        return missing;
    }

    public static bool IsGrounded(string sentence, IEnumerable<string> sources) => Ungrounded(sentence, sources).Count == 0;

    /// <summary>A run of digits, or a run of letters (with their combining marks).</summary>
    [GeneratedRegex(@"[0-9]+|[\p{L}\p{M}]+")]
    private static partial Regex Token();
}
