using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Tests.Themes;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Summaries;

public sealed class Summary_sentences_point_into_the_text
{
    [Fact]
    public void Every_sentence_text_is_the_substring_at_its_offsets_and_names_its_section()
    {
        var document = ThemeSamples.ReadSeedArticle();

        var summaries = ThemeSamples.Summarize(document);

        summaries.DocumentId.ShouldBe(document.Id);
        foreach (var sentence in summaries.Themes.SelectMany(t => t.Sentences))
        {
            sentence.DocumentId.ShouldBe(document.Id);
            sentence.Text.ShouldBe(document.Text.Substring(sentence.Start, sentence.Length));
            sentence.Section.ShouldBe(document.Sections[sentence.SectionIndex].Heading);
            sentence.Score.ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void Headings_are_never_summary_sentences_and_sentences_keep_document_order()
    {
        var document = ThemeSamples.ReadSeedArticle();
        var headings = document.Blocks.Where(b => b.Kind is BlockKind.Heading or BlockKind.Title).Select(b => b.Start).ToHashSet();

        var summaries = ThemeSamples.Summarize(document);

        foreach (var theme in summaries.Themes)
        {
            theme.Sentences.ShouldAllBe(s => !headings.Contains(s.Start));
            theme.Sentences.Select(s => s.Start).ShouldBeInOrder(SortDirection.Ascending);
            theme.Sentences.Count.ShouldBeLessThanOrEqualTo(3);
        }
    }

    [Fact]
    public void A_sentence_introducing_a_list_carries_its_items()
    {
        var document = ThemeSamples.Document("fr",
            ThemeSamples.Title("Notes"),
            ThemeSamples.Heading("Santé"),
            ThemeSamples.Paragraph("Les avancées évoquées :"),
            ThemeSamples.Item("détection précoce des cancers grâce aux données des hôpitaux,"),
            ThemeSamples.Item("réduction des cycles d’essais cliniques pour les patients."));

        var health = ThemeSamples.Summarize(document).Themes.Single(t => t.ThemeId == "health");

        var sentence = health.Sentences.ShouldHaveSingleItem();
        sentence.Text.ShouldStartWith("Les avancées évoquées :");
        sentence.Text.ShouldEndWith("réduction des cycles d’essais cliniques pour les patients.");
        document.Text.Substring(sentence.Start, sentence.Length).ShouldBe(sentence.Text);
    }
}
