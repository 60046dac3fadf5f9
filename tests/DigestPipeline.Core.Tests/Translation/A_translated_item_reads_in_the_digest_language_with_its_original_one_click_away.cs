using System.Net;
using DigestPipeline.Core.Tests.Digests;
using DigestPipeline.Core.Translation;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Translation;

/// <summary>
/// With a provider, an English reader who also reads French gets the French article in English, marked as a
/// translation, with the original one click away (the item's link opens the source with the cited passages, and each
/// sentence's original is its tooltip in the HTML part); and each theme opens on its machine-written lead, marked so.
/// </summary>
public sealed class A_translated_item_reads_in_the_digest_language_with_its_original_one_click_away
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Both_parts_show_the_translation_marked_and_link_the_original()
    {
        var world = new TranslationWorld();
        var content = (await world.Enricher.EnrichAsync([TranslationWorld.FrenchArticleFor("a@example.org")], Cancellation))[0];

        var digest = DigestSamples.Compose(content);

        digest.Text.ShouldContain("* The Basel summit\n  Source: bale.txt (translated from French)\n  Read the original (in French):\n  https://");
        digest.Text.ShouldContain("  [Health]\n");
        digest.Text.ShouldContain("\u201CThe Basel summit brought together 1,200 researchers on 11 May.\u201D");
        digest.Text.ShouldNotContain("Le sommet de Bâle a réuni");
        // Key phrases are French words out of their sentences: left out of a translated item.
        digest.Text.ShouldNotContain("Key phrases");
        var html = WebUtility.HtmlDecode(digest.Html);
        html.ShouldContain("title=\"Le sommet de Bâle a réuni 1 200 chercheurs le 11 mai.\"");
        html.ShouldContain(">Read the original (in French)</a>");
        html.ShouldContain("translated from French</span>");
    }

    [Fact]
    public async Task The_theme_opens_on_its_lead_marked_as_machine_written()
    {
        var world = new TranslationWorld();
        var content = (await world.Enricher.EnrichAsync([TranslationWorld.FrenchArticleFor("a@example.org")], Cancellation))[0];

        var digest = DigestSamples.Compose(content);

        digest.Text.ShouldContain("Health (1 new item)\n-------------------\n\n[Machine-written summary] Researchers met in Basel, and hospitals are testing\nassistants.\n");
        WebUtility.HtmlDecode(digest.Html).ShouldContain(">Machine-written summary</span>Researchers met in Basel, and hospitals are testing assistants.</p>");
    }

    [Fact]
    public void A_lead_with_no_machine_written_sentence_left_is_not_shown()
    {
        // All its sentences failed the check: the best extract alone is in its item already.
        var content = TranslationWorld.FrenchArticleFor("a@example.org");
        content = content with { Themes = [content.Themes[0] with { Lead = [new LeadSentence("Le sommet de Bâle a réuni 1 200 chercheurs le 11 mai.", false)] }] };

        var digest = DigestSamples.Compose(content);

        digest.Text.ShouldNotContain("Machine-written summary");
        digest.Html.ShouldNotContain("dp-lead");
    }

    [Fact]
    public void A_translation_and_a_lead_are_encoded_by_the_template_engine_like_any_document_text()
    {
        // A model's answer is text from outside, as a document is: it never reaches the HTML as markup.
        var content = TranslationWorld.FrenchArticleFor("a@example.org");
        var item = content.Themes[0].Items[0] with
        {
            Translation = new Dictionary<string, string> { ["title"] = "T", ["h0"] = "H", ["0:54"] = "<script>x</script> & co", ["60:36"] = "\"><img src=x>" },
        };
        content = content with { Themes = [content.Themes[0] with { Items = [item], Lead = [new LeadSentence("<b>Lead</b>", true)] }] };

        var html = DigestSamples.Compose(content).Html;

        html.ShouldNotContain("<script>x");
        html.ShouldNotContain("<img src=x>");
        html.ShouldNotContain("<b>Lead");
        html.ShouldContain("&lt;script&gt;x&lt;/script&gt; &amp; co");
        html.ShouldContain("&lt;b&gt;Lead&lt;/b&gt;");
    }

    [Fact]
    public void A_french_digest_says_which_language_an_item_was_translated_from()
    {
        var content = TranslationWorld.FrenchArticleFor("a@example.org");
        var english = content with { Themes = [content.Themes[0] with { Items = [content.Themes[0].Items[0] with
        {
            Language = "en",
            Translation = new Dictionary<string, string> { ["title"] = "Le sommet", ["h0"] = "Santé", ["0:54"] = "Une phrase.", ["60:36"] = "Une autre." },
        }] }] };
        english = english with { Subscriber = english.Subscriber with { Language = "fr", AlsoReads = ["en"] } };

        var digest = DigestSamples.Compose(english);

        digest.Text.ShouldContain("Source\u00A0: bale.txt (traduit de l\u2019anglais)");
        digest.Text.ShouldContain("Lire l\u2019original (en anglais)\u00A0:");
    }
}
