namespace DigestPipeline.Core.Summaries;

/// <summary>One language's rules for <see cref="MainClause"/>: which words open a subordinate or relative clause, and which are finite verbs.</summary>
internal abstract class VerbRules
{
    public static VerbRules French { get; } = new FrenchVerbRules();

    public static VerbRules English { get; } = new EnglishVerbRules();

    /// <summary>Whether an apostrophe ends the word before it (French elision) rather than opening the clitic after it (English).</summary>
    public abstract bool ElisionBefore { get; }

    /// <summary>Whether word <paramref name="i"/> opens a subordinate or relative clause (which runs to the next comma, dash or bracket).</summary>
    public abstract bool OpensSubordinate(List<ClauseWord> words, int i);

    /// <summary>Whether a word is a coordinating conjunction ("et", "but").</summary>
    public abstract bool IsCoordinator(string word);

    /// <summary>Whether word <paramref name="i"/> is a finite verb.</summary>
    public abstract bool IsFiniteVerb(List<ClauseWord> words, int i);

    protected static HashSet<string> Set(string words) => words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The words right before word <paramref name="i"/> in the same stretch between commas that are all in
    /// <paramref name="chain"/> (nearest first), and the word before them, if any.
    /// </summary>
    protected static (List<string> Chain, string? Before) ChainBefore(List<ClauseWord> words, int i, HashSet<string> chain)
    {
        var found = new List<string>();
        for (var j = i - 1; j >= 0 && !words[j + 1].AfterBoundary; j--)
        {
            if (!chain.Contains(words[j].Text))
                return (found, words[j].Text);
            found.Add(words[j].Text);
        }

        return (found, null);
    }

    protected static string? Previous(List<ClauseWord> words, int i) => i > 0 && !words[i].AfterBoundary ? words[i - 1].Text : null;

    protected static string? Next(List<ClauseWord> words, int i) => i + 1 < words.Count && !words[i + 1].AfterBoundary ? words[i + 1].Text : null;

    protected static bool IsWord(string text) => text.Length > 0 && char.IsLetter(text[0]);
}
