namespace DigestPipeline.Core.Summaries;

/// <summary>
/// Whether the opening of a sentence kept by a clause cut (<see cref="ClausePrefix"/>) says something of its own: it
/// has a finite verb outside any subordinate or relative clause ("Le détail des dépenses, que le Huffington Post a pu
/// consulter", "Si la psychose règne autour de l'épidémie" and "Dans la ville de La Porte, près de Houston" have
/// none), in what follows its last colon or semicolon ("« … » : le 11 mai prochain" has none), and in its last
/// stretch when that opens on a conjunction ("…, et au collège" has none).
/// </summary>
/// <remarks>
/// Rules per language (fr, en; listed in the README), without a tagger: the finite forms of the commonest verbs, the
/// endings only a finite verb has (<i>-aient, -èrent</i>; <i>-ed</i> unless it opens a participial phrase, is followed
/// by "by" or is in a phrase opening on a preposition), and the word after a subject pronoun, <i>ne</i>, a reflexive <i>se</i> or <i>qui</i>. They are written
/// for precision: a verb they miss makes a cut be passed over, never a fragment be shown. A subordinate or relative
/// clause runs from its first word to the next comma, dash or bracket, so a subordinate clause interrupted by an
/// aside ("Alors que les enfants, de 6 et 11 ans, se baignaient") is taken for a main one. A language without rules
/// has no clause cuts.
/// </remarks>
internal static class MainClause
{
    private static readonly Dictionary<string, VerbRules> ByLanguage = new(StringComparer.Ordinal)
    {
        ["fr"] = VerbRules.French,
        ["en"] = VerbRules.English,
    };

    public static bool HasRules(string language) => ByLanguage.ContainsKey(language);

    /// <returns>Whether <paramref name="clause"/>, in <paramref name="language"/>, has a main verb by that language's rules (false without rules).</returns>
    public static bool HasMainVerb(string language, ReadOnlySpan<char> clause)
    {
        if (!ByLanguage.TryGetValue(language, out var rules))
            return false;

        var lastStrong = clause.LastIndexOfAny(";:；：");
        var words = ClauseWords.Of(lastStrong < 0 ? clause : clause[(lastStrong + 1)..], rules.ElisionBefore);
        var subordinate = false;
        var found = false;
        var coordinated = false;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].AfterBoundary)
            {
                subordinate = false;
                // "…, et au collège", "…, mais le chef de l'exécutif, le gouverneur": what follows a stretch opening
                // on "et" or "but" needs a verb of its own.
                if (rules.IsCoordinator(words[i].Text))
                {
                    coordinated = true;
                    continue;
                }
            }

            if (rules.OpensSubordinate(words, i))
                subordinate = true;
            else if (!subordinate && rules.IsFiniteVerb(words, i))
            {
                found = true;
                coordinated = false;
            }
        }

        return found && !coordinated;
    }
}
