using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

public sealed class A_document_on_several_themes_shows_its_title_and_source_once
{
    private const string Title = "Transformation, infrastructures, souveraineté : ce que les leaders de l’IA ont vraiment dit à Miami";

    private static ComposedDigest Compose() => DigestSamples.Compose(DigestSamples.WithThemes(DigestSamples.Content("fr"),
        new DigestThemeGroup("health", "Santé", [DigestSamples.Item("miami", Title, "sommet.txt", "La santé change."), DigestSamples.Item("other", "Autre article", "autre.txt", "Une phrase.")]),
        new DigestThemeGroup("energy", "Énergie", [DigestSamples.Item("miami", Title, "sommet.txt", "L’énergie manque.")]),
        new DigestThemeGroup("defence", "Défense", [DigestSamples.Item("miami", Title, "sommet.txt", "Les armées repensent.")])));

    [Fact]
    public void The_plain_text_gives_the_title_and_source_once_then_refers_back()
    {
        var text = Compose().Text.Replace("\n  ", " ", StringComparison.Ordinal);

        Count(text, "Source\u00A0: sommet.txt").ShouldBe(1);
        Count(text, "les leaders de l’IA ont vraiment dit à Miami").ShouldBe(1);
        text.ShouldContain("Aussi sous\u00A0: Énergie et Défense");
        Count(text, "(voir plus haut)").ShouldBe(2);
        Count(text, "* «\u00A0Transformation, infrastructures, souveraineté…\u00A0» (voir plus haut)").ShouldBe(2);
        // Each theme still quotes what the document says on it.
        text.ShouldContain("L’énergie manque.");
        text.ShouldContain("Les armées repensent.");
    }

    [Fact]
    public void The_html_gives_the_title_and_source_once_then_refers_back()
    {
        var html = Compose().Html;

        Count(html, "sommet.txt").ShouldBe(1);
        Count(html, "vraiment dit à Miami").ShouldBe(1);
        Count(html, "(voir plus haut)").ShouldBe(2);
        html.ShouldContain("Aussi sous");
        html.ShouldContain("Énergie et Défense</p>");
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
