namespace DigestPipeline.Core.Summaries;

/// <summary>English rules for <see cref="MainClause"/> (listed in the README's Languages table).</summary>
internal sealed class EnglishVerbRules : VerbRules
{
    /// <summary>Finite forms of be, have, do, the modals, and the commonest irregular and reporting verbs of news text.</summary>
    private static readonly HashSet<string> Finite = Set("""
        am is are was were has have had do does did will would can could shall should may might must 're 've 'll 'd 'm
        don doesn didn isn aren wasn weren hasn haven hadn couldn wouldn shouldn mustn won
        said says told tells made makes took takes came comes went goes gave gives got gets found finds began begins
        became becomes saw sees knew knows thought thinks held holds led leads wins lost paid pays sold sells brought brings
        bought felt feels kept keeps met ran runs rose rises fell falls grew grows showed shows seems remains wants needs
        believes expects plans hopes looks claims warns insists denies adds calls agreed chose wrote spoke broke drove
        owns includes lets considers provides allows requires reaches suggests argues accepts admits describes offers
        receives seeks hits beats joins faces
        """);

    /// <summary>Adjectives and nouns ending as the past tense does.</summary>
    private static readonly HashSet<string> NotPast = Set("hundred kindred sacred naked wicked wretched rugged beloved crooked ragged alleged");

    /// <summary>Determiners, possessives and prepositions: the word after one is a noun or an adjective ("the proposed law", "the will").</summary>
    private static readonly HashSet<string> Determiners = Set(
        "the a an this that these those its his her their our my your some any no every each of to in on at for with by from into");

    private static readonly HashSet<string> Subjects = Set("i you he she it we they who");

    /// <summary>Adverbs that stand between a subject pronoun and its verb ("he also said").</summary>
    private static readonly HashSet<string> Adverbs = Set(
        "also still never now then only just already even later often always reportedly allegedly previously recently once too really actually certainly probably");

    /// <summary>Words that follow a subject pronoun without being verbs.</summary>
    private static readonly HashSet<string> NotVerbs = Set(
        "and or but to in on at of for with as from by who which that himself herself itself themselves ourselves yourself all both each");

    private static readonly HashSet<string> Subordinators = Set(
        "if when whenever while whilst although though because unless whereas whether who whom whose which where wherever since after before until till");

    /// <summary>Clitics of "is" and "has" only after a pronoun ("it's"); after a noun, "'s" is a possessive.</summary>
    private static readonly HashSet<string> BeforeVerbClitic = Set("it he she that there what who here where");

    private static readonly HashSet<string> Prepositions = Set(
        "in on at for with from by after under over during despite without among to of into about against between through");

    public override bool ElisionBefore => false;

    public override bool IsCoordinator(string word) => word is "and" or "but" or "or";

    public override bool OpensSubordinate(List<ClauseWord> words, int i)
    {
        var word = words[i].Text;
        return Subordinators.Contains(word) || (words[i].AfterBoundary && word is "as" or "once");
    }

    public override bool IsFiniteVerb(List<ClauseWord> words, int i)
    {
        var word = words[i].Text;
        var previous = Previous(words, i);
        if (word == "'s")
            return previous is not null && BeforeVerbClitic.Contains(previous);
        if (!IsWord(word) && !Finite.Contains(word))
            return false;
        if (previous is not null && Determiners.Contains(previous))
            return false;
        if (Finite.Contains(word))
            return true;

        // A past participle opening a phrase ("founded in 1990, …", "…, killed by …"), or in a phrase that opens on a
        // preposition ("In the ruling handed down this week…"), is not a finite verb.
        if (word.Length >= 5 && word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal)
            && !NotPast.Contains(word) && !words[i].AfterBoundary && Next(words, i) != "by" && !InPrepositionalPhrase(words, i))
            return true;

        if (NotVerbs.Contains(word))
            return false;
        var (_, beforeAdverbs) = ChainBefore(words, i, Adverbs);
        return beforeAdverbs is not null && Subjects.Contains(beforeAdverbs);
    }

    /// <summary>Whether the stretch word <paramref name="i"/> is in (from the last comma, dash or bracket) opens on a preposition.</summary>
    private static bool InPrepositionalPhrase(List<ClauseWord> words, int i)
    {
        var start = i;
        while (start > 0 && !words[start].AfterBoundary) start--;
        return Prepositions.Contains(words[start].Text);
    }
}
