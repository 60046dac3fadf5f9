using System.Text;
using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents.Formats;

public sealed class HtmlReadingTests
{
    private static SourceDocument Read(string name, string html) => DocumentReading.Read(name, Encoding.UTF8.GetBytes(html));

    [Fact]
    public void Html_is_sniffed_from_its_markup_whatever_the_name()
    {
        var document = Read("page.txt", "\n<!DOCTYPE html>\n<html><body><h1>Bonjour</h1><p>Le texte de la page.</p></body></html>");

        document.Title.ShouldBe("Bonjour");
        document.Text.ShouldBe("Bonjour\n\nLe texte de la page.");
    }

    [Fact]
    public void Markup_without_a_doctype_is_html_only_when_named_so()
    {
        const string page = "<p>Le <b>texte</b> de la page.</p>";

        Read("page.html", page).Text.ShouldBe("Le texte de la page.");
        Read("page.txt", page).Text.ShouldBe(page);
    }

    [Fact]
    public void Scripts_styles_frames_and_site_chrome_never_reach_the_text()
    {
        var document = Read("page.html", """
            <html><head><title>Titre de l’onglet</title><style>p{}</style></head><body>
            <header>Bandeau</header><nav>Menu</nav>
            <h2>Une section</h2><p>Avant <script>alert('volé')</script>après.</p>
            <iframe src="https://evil.example">cadre</iframe><noscript>Activez</noscript><template><p>modèle</p></template>
            <aside>Publicité</aside><footer>Pied</footer></body></html>
            """);

        document.Title.ShouldBe("Titre de l’onglet");
        document.Text.ShouldBe("Une section\n\nAvant après.");
    }

    [Fact]
    public void Nested_and_ordered_lists_become_list_items_in_order()
    {
        var document = Read("page.html", "<html><body><h1>T</h1><ol start=\"3\"><li>trois<ul><li>sous-point</li></ul></li><li><p>quatre</p></li></ol><p>Fin.</p></body></html>");

        document.BlockTexts(BlockKind.ListItem).ShouldBe(["trois", "sous-point", "quatre"]);
        document.Text.ShouldBe("T\n\n3. trois\n• sous-point\n4. quatre\n\nFin.");
    }

    [Fact]
    public void Entities_are_decoded_and_markup_in_text_stays_text()
    {
        var document = Read("page.html", "<html><body><p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; l&rsquo;été&nbsp;!</p></body></html>");

        document.Text.ShouldBe("<script>alert(1)</script> & l’été !");
    }
}
