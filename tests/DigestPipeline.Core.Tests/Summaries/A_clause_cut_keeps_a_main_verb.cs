using DigestPipeline.Core.Summaries;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>
/// Issue 16: "a clause cut never leaves a fragment without a main verb". The fragments are cuts the summarizer made
/// on OrangeSum dev articles before this rule; the clauses are cuts it keeps.
/// </summary>
public sealed class A_clause_cut_keeps_a_main_verb
{
    [Theory]
    [InlineData("fr", "Le détail des dépenses, que le Huffington Post a pu consulter")]
    [InlineData("fr", "Si la psychose règne autour de l'épidémie de coronavirus")]
    [InlineData("fr", "Même si des progrès ont été faits dans la lutte contre la maladie")]
    [InlineData("fr", "Comme ce fut déjà le cas ces dernières semaines")]
    [InlineData("fr", "Le décès d'un jeune homme de 19 ans, tué par un Afghan d'une trentaine d'années à la gare routière de Villeurbanne")]
    [InlineData("fr", "Dans la ville de La Porte, près de Houston")]
    [InlineData("fr", "Une évolution sous forme de réforme des institutions")]
    [InlineData("fr", "A quelques jours de sa cérémonie virtuelle de remise de diplôme, sans robe noire ni chapeau carré")]
    [InlineData("fr", "Le second tour n'ayant donc pu avoir lieu le 22 mars, comme initialement prévu")]
    [InlineData("fr", "Près d'un quart des Français, soit environ 10,5 millions d'adultes")]
    [InlineData("fr", "En élémentaire, une distance d'un mètre entre les élèves sera recommandée, et au collège")]
    [InlineData("en", "The bank cut its rates on Monday, and the pound")]
    [InlineData("fr", "Le Texas avait commencé à rouvrir le 1er mai, mais le chef de l'exécutif local, le gouverneur Greg Abbott")]
    [InlineData("fr", "Le festival canadien, qui ne décerne qu'un prix du public")]
    [InlineData("fr", "Plus tôt dans la journée, Alexis Corbière, contacté par le HuffPost")]
    [InlineData("fr", "En France, où plus de 4.500 nouveaux cas ont été enregistrés au cours des dernières 24 heures, le masque, déjà obligatoire dans certains secteurs de Paris")]
    [InlineData("fr", "« Nous irons jusqu'au bout » : le 11 mai prochain")]
    [InlineData("fr", "Les unions hors mariage étant plutôt mal vues dans ce pays, des cérémonies de mariage fastueuses avec des gâteaux géants")]
    [InlineData("en", "The company, which was founded in 1990 by two brothers")]
    [InlineData("en", "Although the council approved the budget on Tuesday")]
    [InlineData("en", "The death of a young man, killed by a stranger at the bus station")]
    [InlineData("en", "Since the start of the year, Britain's biggest lenders")]
    [InlineData("en", "In the ruling handed down this week by Santa Clara County Superior Court Judge James Kleinberg")]
    public void A_fragment_has_none(string language, string fragment)
    {
        MainClause.HasMainVerb(language, fragment).ShouldBeFalse();
    }

    [Theory]
    [InlineData("fr", "Les pompiers sont intervenus pour extraire de l'habitacle la victime")]
    [InlineData("fr", "Deux jours plus tard, vous passez l'aspirateur, au bout de 10 minutes")]
    [InlineData("fr", "Emmanuel Macron avait prévenu: il préfère que les syndicats restent bien à leur place")]
    [InlineData("fr", "L'Organisation mondiale de la Santé avait prudemment réagi mardi à l'annonce de Vladimir Poutine")]
    [InlineData("fr", "Alors que la crise s'aggrave, le gouvernement annonçait mardi un plan de soutien")]
    [InlineData("fr", "Le Premier ministre n'exclut pas un nouveau confinement")]
    [InlineData("fr", "Lors de la matinale d'Europe 1, Kamel révèle subir des pressions : « Il y a des menaces, parfois des insultes")]
    [InlineData("fr", "Le ministre, qui a démissionné lundi, est parti sans un mot")]
    [InlineData("fr", "Encore faut-il que les candidats soient présents")]
    [InlineData("fr", "Ce sont les plus jeunes qui paient le prix fort")]
    [InlineData("fr", "Le jeune homme partage ensuite la photo sur Instagram")]
    [InlineData("fr", "Nevila Gjermeni, 38 ans, a soigné le premier patient contaminé recensé en Albanie")]
    [InlineData("fr", "Si le mouvement embarrasse l'exécutif, les oppositions de tous bords les soutiennent")]
    [InlineData("fr", "Gouvernement comme majorité sont toutefois confiants dans la tenue du scrutin")]
    [InlineData("en", "The council approved the budget on Tuesday after a long debate")]
    [InlineData("en", "Shares in the bank closed up 2% in London")]
    [InlineData("en", "It's the first time the club has won the cup")]
    [InlineData("en", "She also warned that prices would rise")]
    [InlineData("en", "The company owns much of the property in central Beirut")]
    [InlineData("fr", "Le Texas avait commencé à rouvrir le 1er mai, et le gouverneur a salué la décision")]
    public void A_main_clause_has_one(string language, string clause)
    {
        MainClause.HasMainVerb(language, clause).ShouldBeTrue();
    }

    [Fact]
    public void A_sentence_whose_openings_have_no_main_verb_is_not_cut()
    {
        const string Sentence = "Si la psychose règne autour de l'épidémie de coronavirus dans le pays, les autorités sanitaires rappellent les gestes barrières, qui restent la meilleure protection contre le virus.";

        ClausePrefix.Find(Sentence, 15, "fr").ShouldBeNull();
        Sentence[..ClausePrefix.Find(Sentence, 22, "fr")!.Value].ShouldEndWith("rappellent les gestes barrières");
    }

    [Fact]
    public void A_language_without_verb_rules_is_never_cut()
    {
        ClausePrefix.Find("Der Stadtrat hat den Haushalt am Dienstag nach einer langen Debatte gebilligt, zwei Mitglieder stimmten dagegen.", 12, "de").ShouldBeNull();
    }
}
