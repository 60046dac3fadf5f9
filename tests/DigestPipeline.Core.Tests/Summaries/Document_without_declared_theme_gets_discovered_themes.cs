using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

public sealed class Document_without_declared_theme_gets_discovered_themes
{
    [Fact]
    public void Each_uncovered_headed_section_becomes_a_theme_named_from_its_heading()
    {
        var document = ThemeSamples.Document("fr",
            ThemeSamples.Title("Carnet de jardin"),
            ThemeSamples.Paragraph("Quelques notes prises au fil de la saison."),
            ThemeSamples.Heading("Les tomates anciennes"),
            ThemeSamples.Paragraph("Les tomates anciennes demandent un tuteur solide. Il faut pincer les gourmands chaque semaine. La récolte commence en juillet."),
            ThemeSamples.Heading("Le compost"),
            ThemeSamples.Paragraph("Le compost mûrit en six mois. On y mêle feuilles mortes et épluchures."));

        var summaries = ThemeSamples.Summarize(document);

        summaries.Themes.Select(t => t.ThemeId).ShouldBe(["section-les-tomates-anciennes", "section-le-compost"], ignoreOrder: true);
        var tomatoes = summaries.Themes.Single(t => t.ThemeId == "section-les-tomates-anciennes");
        tomatoes.Discovered.ShouldBeTrue();
        tomatoes.Labels["fr"].ShouldBe("Les tomates anciennes");
        tomatoes.Labels["en"].ShouldBe("Les tomates anciennes");
        tomatoes.Sentences.ShouldNotBeEmpty();
        tomatoes.Sentences.ShouldAllBe(s => s.Section == "Les tomates anciennes");
        tomatoes.KeyPhrases.ShouldContain("tomates anciennes");
    }

    [Fact]
    public void A_section_no_declared_theme_covers_is_discovered_beside_the_declared_themes()
    {
        var document = ThemeSamples.Document("fr",
            ThemeSamples.Title("Revue de la semaine"),
            ThemeSamples.Heading("Santé"),
            ThemeSamples.Paragraph("Les hôpitaux accélèrent les essais cliniques. La médecine prédictive progresse chez les patients."),
            ThemeSamples.Heading("Gastronomie"),
            ThemeSamples.Paragraph("Le concours du meilleur croissant a eu lieu dimanche. Le jury a goûté quarante viennoiseries."));

        var themes = ThemeSamples.Summarize(document).Themes;

        themes.ShouldContain(t => t.ThemeId == "health" && !t.Discovered);
        var discovered = themes.Where(t => t.Discovered).ShouldHaveSingleItem();
        discovered.ThemeId.ShouldBe("section-gastronomie");
        discovered.Sentences.ShouldAllBe(s => s.Section == "Gastronomie");
    }

    [Fact]
    public void A_document_without_headings_or_declared_themes_gets_one_theme_from_its_title()
    {
        var document = ThemeSamples.Document("fr",
            ThemeSamples.Title("Carnet de jardin"),
            ThemeSamples.Paragraph("Les tomates anciennes demandent un tuteur solide. Le compost mûrit en six mois."));

        var theme = ThemeSamples.Summarize(document).Themes.ShouldHaveSingleItem();

        theme.ThemeId.ShouldBe("section-carnet-de-jardin");
        theme.Discovered.ShouldBeTrue();
        theme.Sentences.Count.ShouldBe(2);
    }

    [Fact]
    public void An_untitled_document_without_headings_is_named_from_its_key_phrases()
    {
        var document = Documents.DocumentReading.ReadText("notes-0412.txt",
            "les tomates anciennes sont fragiles. On aime pourtant les tomates anciennes. "
            + "Le compost mûrit en six mois ; un bon compost nourrit le sol.");

        var theme = ThemeSamples.Summarize(document).Themes.ShouldHaveSingleItem();

        document.Title.ShouldBe("notes-0412");
        theme.Discovered.ShouldBeTrue();
        theme.Labels["fr"].ShouldStartWith("Tomates anciennes", customMessage: string.Join(" | ", theme.KeyPhrases));
        theme.ThemeId.ShouldStartWith("topic-tomates-anciennes");
    }
}
