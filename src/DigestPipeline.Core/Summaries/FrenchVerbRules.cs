namespace DigestPipeline.Core.Summaries;

/// <summary>French rules for <see cref="MainClause"/> (listed in the README's Languages table).</summary>
internal sealed class FrenchVerbRules : VerbRules
{
    /// <summary>Third persons plural of the present that are not the singular and "nt".</summary>
    private static readonly Dictionary<string, string> IrregularPlurals = new(StringComparer.Ordinal)
    {
        ["choisit"] = "choisissent", ["combat"] = "combattent", ["devient"] = "deviennent", ["écrit"] = "écrivent", ["émet"] = "émettent",
        ["interdit"] = "interdisent", ["maintient"] = "maintiennent", ["met"] = "mettent", ["obtient"] = "obtiennent", ["perd"] = "perdent",
        ["permet"] = "permettent", ["prend"] = "prennent", ["prévient"] = "préviennent", ["prévoit"] = "prévoient", ["produit"] = "produisent",
        ["promet"] = "promettent", ["reçoit"] = "reçoivent", ["reconnaît"] = "reconnaissent", ["réduit"] = "réduisent", ["rejoint"] = "rejoignent",
        ["remet"] = "remettent", ["rend"] = "rendent", ["répond"] = "répondent", ["reprend"] = "reprennent", ["réunit"] = "réunissent",
        ["sait"] = "savent", ["sort"] = "sortent", ["soutient"] = "soutiennent", ["subit"] = "subissent", ["suit"] = "suivent", ["vend"] = "vendent",
        ["vit"] = "vivent", ["défend"] = "défendent", ["dépend"] = "dépendent",
    };

    /// <summary>Finite forms of être, avoir, the modal and the commonest verbs of news text, and of the reporting verbs.</summary>
    private static readonly HashSet<string> Finite = Set("""
        suis es est sommes êtes sont étais était étions étiez étaient serai seras sera serons serez seront serais serait
        serions seriez seraient fus fut fûmes furent ai as a avons avez ont avais avait avions aviez avaient
        aurai auras aura aurons aurez auront aurais aurait aurions auriez auraient eut eurent ait aient vais vas va allons
        allez vont ira iront irait iraient peux peut pouvons pouvez peuvent pourra pourront pourrait pourraient put purent
        puisse puissent dois doit devons devez doivent devra devront devrait devraient dut durent veux veut voulons voulez
        veulent voudra voudrait voudraient fais fait faisons faites font fera feront ferait feraient fit firent dis dit
        disons dites disent dira diront dirait diraient faut fallait faudra faudrait fallut sais sait savons savez savent
        saura saurait viens vient venons venez viennent viendra viendront viendrait vint vinrent tient tiennent tiendra
        prend prennent prendra prit met mettent mettra mit voit voient verra vit devient deviennent deviendra devint permet
        permettent permettra semble semblent sembla affirme affirment estime estiment explique expliquent indique indiquent
        souligne soulignent précise précisent assure assurent déclare déclarent rappelle rappellent ajoute ajoutent confie
        confient raconte racontent dénonce dénoncent regrette regrettent reconnaît reconnaissent promet promettent
        demeure demeurent concerne concernent compte comptent risque risquent s'agit existe existent
        """).Concat(Present("""
        accepte accuse achète adopte affiche aide aime ajoute alerte alimente améliore amène analyse annonce appelle apporte
        approuve arrête arrive assiste attaque attire augmente autorise avance baisse cache change cherche choisit combat
        commence commente compare condamne confirme considère constate continue contribue cite crée critique décide déclenche
        défend dénonce dépasse dépend dépose désigne détaille développe devient doute dresse écrit élève émet emploie
        empêche encourage engage enregistre entame entraîne envisage envoie espère évoque exige explique exprime fixe forme
        frappe gagne garde gère grimpe ignore impose incite informe insiste interdit interroge invite joue juge laisse lance
        lève limite livre lutte maintient manque marque mène menace mentionne met modifie monte montre multiplie nomme note
        obtient occupe offre organise oublie ouvre paie parle participe partage passe pense perd permet place plonge pointe
        porte pose possède pousse préfère prend prépare présente préserve prévient prévoit produit profite promet propose
        protège provoque publie quitte raconte rapporte reçoit recense réclame recommande reconnaît recule réduit refuse
        regarde rejette rejoint relance relève remarque remet remplace rend renforce rencontre renonce répond représente
        reprend réserve résume retrouve réunit révèle rêve salue sait signale signe situe sort souhaite soutient subit suit
        suggère suppose supprime surveille suscite tente termine tire touche tombe traite transforme travaille trouve tue
        utilise vend vise vit vote
        """)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The third persons of the present: each singular given, and its plural: "-ent" after a final "e" ("annonce",
    /// "annoncent"), else the irregular plurals listed.
    /// </summary>
    private static IEnumerable<string> Present(string singulars) =>
        Set(singulars).SelectMany(form => form.EndsWith('e')
            ? [form, form + "nt"]
            : IrregularPlurals.TryGetValue(form, out var plural) ? new[] { form, plural } : [form]);

    /// <summary>Nouns and adjectives ending as the imperfect does.</summary>
    private static readonly HashSet<string> NotImperfect = Set(
        "lait trait portrait retrait extrait attrait souhait abstrait distrait parfait bienfait méfait forfait satisfait imparfait contrefait");

    /// <summary>Determiners and prepositions: the word after one is a noun ("le fait", "l'est", "le compte").</summary>
    private static readonly HashSet<string> Determiners = Set(
        "le la l' les un une du de d' des cet cette ces au aux son sa ses leur leurs notre nos votre vos mon ma mes ton ta tes quel quelle à en par pour sur sous dans avec sans chaque entre contre vers chez selon malgré");

    /// <summary>Articles that are also object pronouns: before a plural verb or an auxiliary they are the pronoun ("les soutiennent", "l'a").</summary>
    private static readonly HashSet<string> ObjectPronouns = Set("le la les l'");

    private static readonly HashSet<string> Auxiliaries = Set("a ont avait avaient aura auront aurait auraient sont étaient seront seraient");

    /// <summary>Object pronouns, negation and reflexives that stand between a subject pronoun and its verb.</summary>
    private static readonly HashSet<string> Clitics = Set("ne n' le la l' les lui leur y en me m' te t' se s' nous vous il elle on ils elles je j' tu qui");

    private static readonly HashSet<string> Subjects = Set("il elle on ils elles je j' tu nous vous qui");

    /// <summary>After one of these, "se faire" is an infinitive, not a finite verb.</summary>
    private static readonly HashSet<string> InfinitiveMarkers = Set("pour de d' à sans afin avant après par pas plus jamais");

    /// <summary>Words that follow "ne" or a pronoun without being verbs.</summary>
    private static readonly HashSet<string> NotVerbs = Set("pas plus jamais rien point guère que qu' personne aucun aucune");

    private static readonly HashSet<string> Subordinators = Set(
        "qui dont où lorsque lorsqu' quand puisque puisqu' quoique quoiqu' lequel laquelle lesquels lesquelles auquel auxquels auxquelles duquel desquels desquelles");

    /// <summary>"Ainsi que", "plus que": a comparison or a conjunction, not a clause.</summary>
    private static readonly HashSet<string> BeforeComparativeQue = Set("ainsi plus moins autant davantage mieux tant pire");

    private static readonly HashSet<string> InversionSubjects = Set("il elle on ils elles je tu nous vous");

    public override bool ElisionBefore => true;

    public override bool IsCoordinator(string word) => word is "et" or "mais" or "ou";

    public override bool OpensSubordinate(List<ClauseWord> words, int i)
    {
        var word = words[i].Text;
        if (word is "que" or "qu'")
            return Previous(words, i) is not { } before || !BeforeComparativeQue.Contains(before);
        return Subordinators.Contains(word)
            || (word == "si" && (words[i].AfterBoundary || Previous(words, i) is "même" or "et" or "mais"))
            || (word == "s'" && Next(words, i) is "il" or "ils")
            || (word == "comme" && words[i].AfterBoundary);
    }

    public override bool IsFiniteVerb(List<ClauseWord> words, int i)
    {
        var word = words[i].Text;
        if (!IsWord(word))
            return false;
        if (Previous(words, i) is { } previous && Determiners.Contains(previous)
            && !(ObjectPronouns.Contains(previous) && (word.EndsWith("ent", StringComparison.Ordinal) || Auxiliaries.Contains(word))))
            return false;
        // "A" opening the clause is "À" without its accent ("A quelques jours de…"): a verb does not open one.
        if (word == "a" && i == 0)
            return false;
        if (Finite.Contains(word))
            return true;
        var hyphen = word.LastIndexOf('-');
        if (hyphen > 0 && InversionSubjects.Contains(word[(hyphen + 1)..]))
            return true;
        // A present participle ("n'ayant", "étant") is not finite.
        if (NotVerbs.Contains(word) || Clitics.Contains(word) || word.EndsWith("ant", StringComparison.Ordinal))
            return false;
        if ((word.Length >= 6 && (word.EndsWith("aient", StringComparison.Ordinal) || word.EndsWith("èrent", StringComparison.Ordinal)
                || word.EndsWith("eront", StringComparison.Ordinal) || word.EndsWith("iront", StringComparison.Ordinal)))
            || (word.Length >= 5 && word.EndsWith("ait", StringComparison.Ordinal) && !NotImperfect.Contains(word)))
            return true;

        var (chain, beforeChain) = ChainBefore(words, i, Clitics);
        return chain.Exists(Subjects.Contains) || chain.Contains("ne") || chain.Contains("n'")
            || ((chain.Contains("se") || chain.Contains("s'")) && (beforeChain is null || !InfinitiveMarkers.Contains(beforeChain)));
    }
}
