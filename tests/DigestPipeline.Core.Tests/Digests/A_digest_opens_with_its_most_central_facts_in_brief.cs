using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Translation;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

public sealed class A_digest_opens_with_its_most_central_facts_in_brief
{
    private const string Shared = "Le gouvernement annonce 400 millions d’euros pour les hôpitaux publics en 2026.";

    /// <summary>
    /// Five documents on two themes. The fact three outlets report (merged into one sentence, "également dans") and the
    /// document the rest of the digest echoes come first; a sentence that leans on the one before it and a list's
    /// introduction are never picked, however the summarizer scored them.
    /// </summary>
    private static DigestContent Content()
    {
        var merged = DigestSamples.Item("doc-a", "Hôpitaux : 400 millions d’euros", "Libération", Shared, "Les syndicats restent prudents.")
            with { AlsoReportedBy = new Dictionary<int, IReadOnlyList<string>> { [0] = ["Le Monde", "Les Échos"] } };
        return DigestSamples.WithThemes(DigestSamples.Content("fr"),
            new DigestThemeGroup("sante", "Santé",
            [
                merged,
                DigestSamples.Item("doc-b", "Vaccins : la campagne", "Santé publique France",
                    "Ces derniers mois, elle a doublé ses effectifs.", "La campagne de vaccination commence en octobre dans toutes les pharmacies."),
                DigestSamples.Item("doc-c", "Budget de la santé", "Ouest-France",
                    "Les hôpitaux publics recevront 400 millions d’euros du gouvernement, selon le budget."),
            ]),
            new DigestThemeGroup("energie", "Énergie",
            [
                DigestSamples.Item("doc-d", "Électricité <et> calcul", "RTE", "Les mesures annoncées :\n• un tarif réduit\n• un plan", "Les centres de données consomment 4 % de l’électricité."),
                DigestSamples.Item("doc-e", "Nucléaire et IA", "Reuters", "Les exploitants signent des contrats de long terme."),
            ]));
    }

    [Fact]
    public void The_plain_text_lists_at_most_three_facts_most_reported_first_each_with_its_document()
    {
        var text = DigestSamples.Compose(Content()).Text;
        var brief = text[text.IndexOf("En bref\n", StringComparison.Ordinal)..text.IndexOf("Santé (", StringComparison.Ordinal)];

        var facts = brief.Split("\n- ")[1..];
        facts.Length.ShouldBe(InBrief.MaxFacts);
        facts[0].ShouldStartWith("«\u00A0" + Shared[..40]);
        facts[0].ShouldContain("Hôpitaux : 400 millions d’euros");
        // doc-c echoes doc-a's fact most; the rest by theme score and order.
        facts[1].ShouldContain("Les hôpitaux publics recevront");
        facts[2].Replace("\n  ", " ", StringComparison.Ordinal).ShouldContain("La campagne de vaccination commence en octobre");
    }

    [Fact]
    public void Sentences_that_need_the_one_before_them_and_list_introductions_are_not_picked()
    {
        var text = DigestSamples.Compose(Content()).Text;
        var brief = text[text.IndexOf("En bref\n", StringComparison.Ordinal)..text.IndexOf("Santé (", StringComparison.Ordinal)];

        brief.ShouldNotContain("Ces derniers mois");
        brief.ShouldNotContain("Les mesures annoncées");
    }

    [Fact]
    public void The_html_shows_the_facts_before_the_first_theme_and_encodes_the_titles()
    {
        var html = DigestSamples.Compose(Content()).Html;

        var brief = html.IndexOf(">En bref</h2>", StringComparison.Ordinal);
        brief.ShouldBeGreaterThan(0);
        brief.ShouldBeLessThan(html.IndexOf(">Santé <span", StringComparison.Ordinal));
        html.ShouldContain("Électricité &lt;et&gt; calcul");
        html.ShouldNotContain("<et>");
    }

    [Fact]
    public void A_document_on_two_themes_is_briefed_by_the_best_sentence_of_the_readers_first_theme()
    {
        // Scores of two themes' summaries do not compare: 0.2 is the best the first theme's summary found.
        static DigestItem Scored(DigestItem item, double score, int start) =>
            item with { Sentences = item.Sentences.Select(s => s with { Score = score, Start = start }).ToList() };
        var content = DigestSamples.WithThemes(DigestSamples.Content("fr"),
            new DigestThemeGroup("sante", "Santé",
            [
                Scored(DigestSamples.Item("miami", "Le sommet de Miami", "sommet.txt", "Les hôpitaux américains adoptent l’IA en routine."), 0.2, start: 100),
                DigestSamples.Item("doc-b", "Vaccins", "Santé publique France", "La campagne commence en octobre."),
            ]),
            new DigestThemeGroup("energie", "Énergie",
            [
                Scored(DigestSamples.Item("miami", "Le sommet de Miami", "sommet.txt", "La performance par watt devient critique."), 0.9, start: 900),
                DigestSamples.Item("doc-e", "Nucléaire et IA", "Reuters", "Les exploitants signent des contrats de long terme."),
            ]));

        var text = DigestSamples.Compose(content).Text.Replace("\n  ", " ", StringComparison.Ordinal);
        var brief = text[text.IndexOf("En bref\n", StringComparison.Ordinal)..text.IndexOf("Santé (", StringComparison.Ordinal)];

        brief.ShouldContain("Les hôpitaux américains adoptent l’IA en routine.");
        brief.ShouldNotContain("performance par watt");
    }

    [Fact]
    public void A_translated_item_is_briefed_in_its_translation()
    {
        var english = DigestSamples.Item("doc-en", "Hospitals brace for AI", "bbc.txt", "Hospitals are testing assistants.") with
        {
            Language = "en",
            Translation = new Dictionary<string, string>
            {
                [TranslationUnit.TitleKey] = "Les hôpitaux se préparent à l’IA",
                [TranslationUnit.SentenceKey(0, "Hospitals are testing assistants.".Length)] = "Les hôpitaux testent des assistants.",
            },
        };
        var content = DigestSamples.WithThemes(DigestSamples.Content("fr"),
            new DigestThemeGroup("sante", "Santé",
            [
                english,
                DigestSamples.Item("doc-b", "Vaccins", "Santé publique France", "La campagne commence en octobre."),
                DigestSamples.Item("doc-c", "Budget", "Ouest-France", "Le budget de la santé augmente."),
            ]));
        content = content with { Subscriber = content.Subscriber with { AlsoReads = ["en"] } };

        var text = DigestSamples.Compose(content).Text.Replace("\n  ", " ", StringComparison.Ordinal);
        var brief = text[text.IndexOf("En bref\n", StringComparison.Ordinal)..text.IndexOf("Santé (", StringComparison.Ordinal)];

        brief.ShouldContain("«\u00A0Les hôpitaux testent des assistants.\u00A0» («\u00A0Les hôpitaux se préparent à l’IA\u00A0»)");
        brief.ShouldNotContain("Hospitals");
    }

    [Fact]
    public void A_digest_of_two_documents_has_no_in_brief()
    {
        var content = DigestSamples.WithThemes(DigestSamples.Content("en"),
            new DigestThemeGroup("sante", "Health",
            [
                DigestSamples.Item("doc-a", "Hospitals", "BBC", "Hospitals get more money."),
                DigestSamples.Item("doc-b", "Vaccines", "NHS", "The campaign starts in October."),
            ]));

        var digest = DigestSamples.Compose(content);

        digest.Text.ShouldNotContain("In brief");
        digest.Html.ShouldNotContain("In brief");
    }
}
