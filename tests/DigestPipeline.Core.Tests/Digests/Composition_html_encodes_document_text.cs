using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

public sealed class Composition_html_encodes_document_text
{
    private const string Script = "<script>alert(1)</script>";
    private const string Specials = "\"&<>";

    private static ComposedDigest ComposeHostile()
    {
        var content = DigestSamples.Content();
        var hostile = DigestSamples.Item(
            "doc-x",
            $"Titre {Script}",
            $"Source {Specials}",
            $"Une phrase {Script} avec {Specials} dedans.");
        hostile = hostile with { KeyPhrases = [$"clé {Script}"] };
        content = DigestSamples.WithThemes(content,
            new DigestThemeGroup("sante", $"Santé {Specials}", [hostile]));
        return DigestSamples.Compose(content);
    }

    [Fact]
    public void Html_part_has_no_raw_markup_from_the_document()
    {
        var html = ComposeHostile().Html;

        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain(Specials);
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("&quot;&amp;&lt;&gt;");
    }

    [Fact]
    public void Text_part_keeps_the_document_text_as_written()
    {
        var text = ComposeHostile().Text;

        text.ShouldContain($"Titre {Script}");
        text.ShouldContain($"Source {Specials}");
        text.ShouldContain($"Une phrase {Script} avec {Specials} dedans.");
        text.ShouldContain($"Santé {Specials}");
        text.ShouldNotContain("&lt;");
        text.ShouldNotContain("&amp;");
    }

    [Fact]
    public void Accented_letters_stay_readable_in_the_html()
    {
        var html = DigestSamples.Compose(DigestSamples.Content()).Html;

        html.ShouldContain("Énergie et calcul");
        html.ShouldContain("L’IA à l’hôpital");
    }
}
