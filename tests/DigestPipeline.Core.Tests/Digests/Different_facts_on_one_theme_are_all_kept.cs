using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;
using static DigestPipeline.Core.Tests.Digests.FactSamples;

namespace DigestPipeline.Core.Tests.Digests;

public sealed class Different_facts_on_one_theme_are_all_kept
{
    [Fact]
    public void Two_documents_with_different_facts_keep_every_sentence()
    {
        var summit = Item("doc-1", "Sommet", "fr", themeScore: 9, Morning, SummitFr, StartupsFr);
        var hospitals = Item("doc-2", "Hôpitaux", "fr", themeScore: 4, Morning, HospitalsFr);

        var merged = DuplicateFactMerger.Merge([summit, hospitals]);

        merged.ShouldBe([summit, hospitals]);
        merged.ShouldAllBe(i => i.AlsoReportedBy.Count == 0);
    }

    [Fact]
    public void Same_words_with_different_figures_are_different_claims()
    {
        var thirty = Item("doc-1", "A", "en", themeScore: 9, Morning, "Hospitals cut emergency waiting times by 30 percent in 2024 with AI triage tools.");
        var twelve = Item("doc-2", "B", "en", themeScore: 4, Morning, "Hospitals cut emergency waiting times by 12 percent in 2024 with AI triage tools.");

        DuplicateFactMerger.Merge([thirty, twelve]).ShouldBe([thirty, twelve]);
    }

    [Fact]
    public void The_same_fact_in_two_languages_is_not_compared()
    {
        var french = Item("doc-fr", "Sommet", "fr", themeScore: 9, Morning, "Le Tech Basel AI Summit 2025 a réuni 400 dirigeants à Miami.");
        var english = Item("doc-en", "Summit", "en", themeScore: 4, Morning, "The Tech Basel AI Summit 2025 gathered 400 leaders in Miami.");

        DuplicateFactMerger.Merge([french, english]).ShouldBe([french, english]);
    }

    [Fact]
    public void Sentences_of_one_document_are_never_merged_with_each_other()
    {
        var one = Item("doc-1", "A", "en", themeScore: 5, Morning, GridEn, GridEnReworded);

        DuplicateFactMerger.Merge([one]).ShouldHaveSingleItem().Sentences.Count.ShouldBe(2);
    }
}
