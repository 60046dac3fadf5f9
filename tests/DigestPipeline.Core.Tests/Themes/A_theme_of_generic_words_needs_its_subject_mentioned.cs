using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Summaries;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Themes;

/// <summary>
/// "AI as a system" is made of words every infrastructure story uses (pipeline, architecture, deployment,
/// governance, data quality); its <c>requires</c> terms keep it for documents that speak of AI.
/// </summary>
public sealed class A_theme_of_generic_words_needs_its_subject_mentioned
{
    private static readonly string[] WaterStory =
    [
        "The council voted to fund a 40-kilometre water pipeline to the eastern suburbs.",
        "Engineers said the architecture of the network had not changed since the 1970s.",
        "The deployment of the new pipeline will take four years.",
        "Residents asked for better governance of the utility and reports on data quality for the meters.",
    ];

    private static readonly string[] GasStory =
    [
        "Le pipeline reliant le port à la raffinerie a été inauguré lundi.",
        "Les ingénieurs ont revu toute l'architecture du réseau pour réduire les fuites.",
        "Le déploiement des compteurs se poursuivra jusqu'à l'été.",
        "Les élus demandent une meilleure gouvernance de la société d'exploitation et la qualité des données publiées.",
    ];

    [Theory]
    [InlineData("en", "City approves new water pipeline")]
    [InlineData("fr", "Le nouveau pipeline de gaz entre en service")]
    public void An_infrastructure_story_without_AI_is_not_given_the_theme(string language, string title)
    {
        var document = Story(language, title, language == "en" ? WaterStory : GasStory);

        var summaries = ThemeSamples.Summarize(document);
        var scores = new DocumentSummarizer(ThemeSamples.SeedTaxonomy(), new SummarizerOptions()).ScoreThemes(document);

        summaries.Themes.Select(t => t.ThemeId).ShouldNotContain("ai-systems");
        scores.Single(s => s.ThemeId == "ai-systems").Score.ShouldBe(0);
    }

    [Theory]
    [InlineData("en", "The utility will use AI to plan the work.")]
    [InlineData("en", "A machine learning model will find the leaks.")]
    [InlineData("fr", "L'exploitant s'appuiera sur l'intelligence artificielle pour planifier les travaux.")]
    [InlineData("fr", "Un modèle d'IA repérera les fuites.")]
    public void The_same_story_mentioning_AI_once_is(string language, string aiSentence)
    {
        var document = Story(language, "Pipeline", [.. (language == "en" ? WaterStory : GasStory), aiSentence]);

        var summaries = ThemeSamples.Summarize(document);

        summaries.Themes.Select(t => t.ThemeId).ShouldContain("ai-systems");
    }

    [Fact]
    public void The_french_seed_article_keeps_it()
    {
        ThemeSamples.Summarize(ThemeSamples.ReadSeedArticle()).Themes.Select(t => t.ThemeId).ShouldContain("ai-systems");
    }

    private static SourceDocument Story(string language, string title, string[] sentences) =>
        ThemeSamples.Document(language, [ThemeSamples.Title(title), ThemeSamples.Paragraph(string.Join(' ', sentences))]);
}
