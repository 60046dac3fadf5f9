using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Documents;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

public sealed class Summary_sentences_stand_on_their_own
{
    [Theory]
    [InlineData("fr", "Celles qui réussissent conçoivent l'IA comme un système.")]
    [InlineData("fr", "Ce glissement est plus qu'un changement technologique.")]
    [InlineData("fr", "Ces derniers ont refusé de signer.")]
    [InlineData("fr", "« Pourtant, rien n'est joué », dit-elle.")]
    [InlineData("fr", "C'est là que tout se joue.")]
    [InlineData("en", "Other uses are less visible but just as important:")]
    [InlineData("en", "However, the unions disagree.")]
    [InlineData("en", "They said the plan would fail.")]
    [InlineData("en", "Such tools are rare.")]
    public void A_sentence_opening_on_what_came_before_depends_on_it(string language, string sentence) =>
        DependentOpening.DependsOnPrevious(language, sentence).ShouldBeTrue();

    [Theory]
    [InlineData("fr", "Le sommet s'ouvre lundi à Paris.")]
    [InlineData("fr", "Cette semaine, le gouvernement a présenté son plan.")]
    [InlineData("fr", "Il y a deux ans, personne n'en parlait.")]
    [InlineData("fr", "Il faut former les salariés.")]
    [InlineData("en", "It is expected that the vote passes.")]
    [InlineData("en", "This year the summit moved to Miami.")]
    [InlineData("en", "The unions say the plan would cut jobs.")]
    [InlineData("de", "Dieser Plan wird scheitern.")]
    public void A_sentence_that_names_what_it_speaks_of_stands_alone(string language, string sentence) =>
        DependentOpening.DependsOnPrevious(language, sentence).ShouldBeFalse();

    [Fact]
    public void A_summary_passes_over_a_sentence_whose_antecedent_it_leaves_out()
    {
        // The third sentence shares the most words with the rest, but "Ce plan" points at the second.
        var document = DocumentReading.ReadText("note.txt",
            "Le gouvernement présente un plan sur l'intelligence artificielle.\n\n"
            + "La météo était clémente ce jour-là à Paris.\n"
            + "Ce plan sur l'intelligence artificielle prévoit des formations sur l'intelligence artificielle pour les salariés.\n"
            + "Les syndicats jugent le plan sur l'intelligence artificielle insuffisant pour les salariés.");

        var summary = DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfSentences(1));

        summary.ShouldHaveSingleItem().Text.ShouldNotStartWith("Ce plan");
        StandAlone.Count(document, summary).ShouldBe(1);
    }

    [Fact]
    public void A_dependent_sentence_right_after_its_antecedent_stands()
    {
        var document = DocumentReading.ReadText("note.txt", "Titre\n\nLes syndicats ont signé. Ces derniers voulaient des garanties. Rien d'autre.");
        var sentences = DocumentSummarizer.SummarizeGeneric(document, SummaryBudget.OfSentences(5));

        var both = sentences.Where(s => s.Text.StartsWith("Les syndicats", StringComparison.Ordinal) || s.Text.StartsWith("Ces derniers", StringComparison.Ordinal)).ToList();
        both.Count.ShouldBe(2);
        StandAlone.Count(document, both).ShouldBe(2);
        StandAlone.Count(document, [both[1]]).ShouldBe(0);
    }

    [Fact]
    public void In_the_seed_article_every_theme_brings_what_its_sentences_refer_to()
    {
        var document = ThemeSamples.ReadSeedArticle();

        var themes = ThemeSamples.Summarize(document).Themes;

        foreach (var theme in themes)
            StandAlone.Count(document, theme.Sentences).ShouldBe(theme.Sentences.Count, theme.ThemeId);
        var physical = themes.Single(t => t.ThemeId == "physical-ai").Sentences.Select(s => s.Text).ToList();
        physical.IndexOf("Ce glissement est plus qu’un changement technologique : c’est un basculement économique.")
            .ShouldBe(physical.IndexOf("L’IA quitte le monde numérique pour entrer dans le réel.") + 1);
    }
}
