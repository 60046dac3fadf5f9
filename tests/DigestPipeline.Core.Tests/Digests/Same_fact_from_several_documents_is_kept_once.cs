using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;
using static DigestPipeline.Core.Tests.Digests.FactSamples;

namespace DigestPipeline.Core.Tests.Digests;

public sealed class Same_fact_from_several_documents_is_kept_once
{
    [Fact]
    public void French_fact_is_kept_from_the_document_with_the_higher_theme_score()
    {
        var weak = Item("doc-weak", "Brève : un sommet à Miami", "fr", themeScore: 4, Morning, SummitFrReworded, StartupsFr);
        var strong = Item("doc-strong", "Ce que les leaders de l’IA ont dit à Miami", "fr", themeScore: 9, Morning.AddHours(1), SummitFr);

        var merged = DuplicateFactMerger.Merge([weak, strong]);

        merged.Count.ShouldBe(2);
        merged[0].DocumentId.ShouldBe("doc-weak");
        merged[0].Sentences.Select(s => s.Text).ShouldBe([StartupsFr]);
        merged[0].AlsoReportedBy.ShouldBeEmpty();
        merged[1].Sentences.Select(s => s.Text).ShouldBe([SummitFr]);
        merged[1].OtherSourcesOf(merged[1].Sentences[0]).ShouldBe(["Brève : un sommet à Miami"]);
    }

    [Fact]
    public void English_fact_is_kept_from_the_fuller_copy_even_when_it_arrived_later_and_an_emptied_item_is_dropped()
    {
        // Theme scores tie: arrival order used to decide, which favoured the first document of a story (issue 16).
        var earlier = Item("doc-earlier", "Utilities ask for new lines", "en", themeScore: 6, Morning, GridEnReworded);
        var later = Item("doc-later", "Hospitals and grid operators brace for AI", "en", themeScore: 6, Morning.AddHours(2), GridEn, RadiologyEn);

        var merged = DuplicateFactMerger.Merge([earlier, later]);

        merged.ShouldHaveSingleItem().DocumentId.ShouldBe("doc-later");
        merged[0].Sentences.Select(s => s.Text).ShouldBe([GridEn, RadiologyEn]);
        merged[0].OtherSourcesOf(merged[0].Sentences[0]).ShouldBe(["Utilities ask for new lines"]);
        merged[0].OtherSourcesOf(merged[0].Sentences[1]).ShouldBeEmpty();
    }

    [Fact]
    public void Between_equal_sources_the_sentence_stating_a_figure_wins_over_the_longer_one()
    {
        var longer = Item("doc-a", "A", "en", themeScore: 6, Morning, GridEn);
        var withFigure = Item("doc-b", "B", "en", themeScore: 6, Morning, GridEnWithFigure);
        GridEn.Length.ShouldBeGreaterThan(GridEnWithFigure.Length);

        var merged = DuplicateFactMerger.Merge([longer, withFigure]);

        merged.ShouldHaveSingleItem().Sentences.ShouldHaveSingleItem().Text.ShouldBe(GridEnWithFigure);
        merged[0].OtherSourcesOf(merged[0].Sentences[0]).ShouldBe(["A"]);
    }

    [Fact]
    public void A_fact_reported_by_three_documents_is_kept_once_and_names_the_other_two()
    {
        var first = Item("doc-1", "Un", "en", themeScore: 3, Morning, GridEnReworded);
        var best = Item("doc-2", "Deux", "en", themeScore: 8, Morning, GridEn);
        var third = Item("doc-3", "Trois", "en", themeScore: 5, Morning, GridEnWithFigure);

        var merged = DuplicateFactMerger.Merge([first, best, third]);

        merged.ShouldHaveSingleItem().DocumentId.ShouldBe("doc-2");
        merged[0].OtherSourcesOf(merged[0].Sentences[0]).ShouldBe(["Trois", "Un"]);
    }

    [Fact]
    public void An_article_uploaded_twice_is_named_by_its_source_since_its_title_is_the_same()
    {
        var first = Item("doc-1", "Ce que les leaders de l’IA ont dit à Miami", "fr", themeScore: 9, Morning, SummitFr);
        var again = Item("doc-2", "Ce que les leaders de l’IA ont dit à Miami", "fr", themeScore: 9, Morning.AddHours(1), SummitFr);

        var merged = DuplicateFactMerger.Merge([again, first]);

        merged.ShouldHaveSingleItem().DocumentId.ShouldBe("doc-1");
        merged[0].OtherSourcesOf(merged[0].Sentences[0]).ShouldBe(["doc-2.txt"]);
    }

    [Fact]
    public void Merging_the_same_items_twice_gives_the_same_result()
    {
        DigestItem[] items =
        [
            Item("doc-1", "Un", "fr", themeScore: 5, Morning, SummitFrReworded, HospitalsFr),
            Item("doc-2", "Deux", "fr", themeScore: 5, Morning, SummitFr, StartupsFr),
        ];

        var once = DuplicateFactMerger.Merge(items);
        var twice = DuplicateFactMerger.Merge(items);

        twice.Select(i => (i.DocumentId, string.Join("|", i.Sentences.Select(s => s.Text)), string.Join("|", i.AlsoReportedBy.SelectMany(a => a.Value))))
            .ShouldBe(once.Select(i => (i.DocumentId, string.Join("|", i.Sentences.Select(s => s.Text)), string.Join("|", i.AlsoReportedBy.SelectMany(a => a.Value)))));
        once.SelectMany(i => i.Sentences).Count(s => s.Text is SummitFr or SummitFrReworded).ShouldBe(1);
    }
}
