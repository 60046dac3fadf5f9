using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class DocumentTitleTests
{
    [Fact]
    public void First_line_is_the_title_of_plain_text()
    {
        var document = DocumentReading.ReadText("x.txt", "Quarterly results\n\nRevenue grew in every region.\n\nMore next quarter.");

        document.Title.ShouldBe("Quarterly results");
        document.Sections[0].Heading.ShouldBe("Quarterly results");
    }

    [Fact]
    public void When_no_line_fits_the_file_name_without_extension_is_the_title()
    {
        var longLine = string.Join(' ', Enumerable.Repeat("Revenue grew in every region and the board was pleased.", 6));

        var document = DocumentReading.ReadText("incoming/2025/q3-results.txt", longLine + "\n\nMore next quarter.");

        document.Title.ShouldBe("q3-results");
        document.Blocks.ShouldNotContain(b => b.Kind == BlockKind.Title);
        document.Blocks[0].Kind.ShouldBe(BlockKind.Paragraph);
    }

    [Fact]
    public void A_single_paragraph_document_is_content_not_a_title()
    {
        var document = DocumentReading.ReadText("memo.txt", "Call me back.");

        document.Title.ShouldBe("memo");
        document.Blocks.Single().Kind.ShouldBe(BlockKind.Paragraph);
        document.Sections.Single().Heading.ShouldBe("memo");
    }

    [Fact]
    public void A_hard_wrapped_first_paragraph_does_not_give_its_first_line_as_title()
    {
        var document = DocumentReading.ReadText("wrapped.txt", "The board met on Monday and agreed that\nthe new plant will open in the spring.\n\nMore next quarter.");

        document.Title.ShouldBe("wrapped");
        document.Blocks[0].Kind.ShouldBe(BlockKind.Paragraph);
    }

    [Fact]
    public void A_short_line_ending_with_a_question_mark_is_a_heading()
    {
        var document = DocumentReading.ReadText("q.txt", "Titre\n\nUne introduction longue qui pose le décor de la question.\n\nQue retenir ?\n\nBeaucoup de choses.");

        document.BlockTexts(BlockKind.Heading).ShouldBe(["Que retenir ?"]);
    }

    [Fact]
    public void A_short_line_at_the_end_or_before_another_short_line_is_not_a_heading()
    {
        var document = DocumentReading.ReadText("sig.txt", "Titre\n\nUn paragraphe de contenu.\n\nBien à vous\n\nJean Dupont");

        document.Blocks.ShouldNotContain(b => b.Kind == BlockKind.Heading);
    }
}
