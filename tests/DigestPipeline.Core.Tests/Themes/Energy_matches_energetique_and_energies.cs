using DigestPipeline.Core.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Themes;

/// <summary>
/// Lucene's French light stemmer gives <c>energet</c> for <c>énergétique</c> but <c>energ</c> for <c>énergies</c>;
/// matching by stem and prefix must count both for the energy theme.
/// </summary>
public sealed class Energy_matches_energetique_and_energies
{
    private const string Taxonomy = """
        {"themes":[{"id":"energy","labels":{"fr":"Énergie","en":"Energy"},"keywords":{"fr":["énergie"],"en":["energy"]}}]}
        """;

    [Theory]
    [InlineData("La pression énergétique du calcul augmente.")]
    [InlineData("Les énergies renouvelables progressent.")]
    [InlineData("L’Énergie manque.")]
    [InlineData("L'ENERGIE manque.")]
    [InlineData("Les besoins énergétiques explosent.")]
    public void Each_form_counts_for_energy(string sentence)
    {
        var index = KeywordIndex.Build(ThemeSamples.Taxonomy(Taxonomy), "fr");
        var analyzed = AnalyzedDocument.Analyze(ThemeSamples.Document("fr", ThemeSamples.Paragraph(sentence)));

        var matches = ThemeMatcher.Match(analyzed.Sentences[0], index, analyzed.Source.Text);

        matches.ShouldHaveSingleItem().Theme.ShouldBe(0);
    }

    [Fact]
    public void The_keyword_énergétique_also_matches_énergie()
    {
        var index = KeywordIndex.Build(ThemeSamples.Taxonomy(
            """{"themes":[{"id":"energy","labels":{"fr":"Énergie"},"keywords":{"fr":["énergétique"]}}]}"""), "fr");
        var analyzed = AnalyzedDocument.Analyze(ThemeSamples.Document("fr", ThemeSamples.Paragraph("Il manque de l’énergie.")));

        ThemeMatcher.Match(analyzed.Sentences[0], index, analyzed.Source.Text).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("L’intérieur du bâtiment est neuf.")]
    [InlineData("Les énarques gouvernent.")]
    public void Unrelated_words_do_not_count(string sentence)
    {
        var index = KeywordIndex.Build(ThemeSamples.Taxonomy(Taxonomy), "fr");
        var analyzed = AnalyzedDocument.Analyze(ThemeSamples.Document("fr", ThemeSamples.Paragraph(sentence)));

        ThemeMatcher.Match(analyzed.Sentences[0], index, analyzed.Source.Text).ShouldBeEmpty();
    }

    [Fact]
    public void English_energy_and_energetic_both_match()
    {
        var index = KeywordIndex.Build(ThemeSamples.Taxonomy(Taxonomy), "en");
        var analyzed = AnalyzedDocument.Analyze(ThemeSamples.Document("en",
            ThemeSamples.Paragraph("Energy prices rose. The energetic demand of data centres grows.")));

        analyzed.Sentences.ShouldAllBe(s => ThemeMatcher.Match(s, index, analyzed.Source.Text).Count == 1);
    }
}
