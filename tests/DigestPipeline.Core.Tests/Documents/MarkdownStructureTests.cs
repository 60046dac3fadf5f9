using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

public sealed class MarkdownStructureTests
{
    private const string Briefing = """
        # Energy *briefing*: the week in review

        A **short** lead that sets the scene for the week.

        The first paragraph of the lead section, with a [link](https://example.com) and `inline code`.
        It continues on a second line.

        ## Grid & storage

        Batteries got _cheaper_ again. Prices fell by 3.5% in Q3.

        - Lithium prices **dropped**
        - Sodium-ion *entered* production
          - nested item with __bold__ text

        ```csharp
        var ignored = true;
        ```

        ## Policy

        1. First decision
        2. Second decision

        > A quoted paragraph from the minister.
        """;

    [Fact]
    public void Top_h1_is_the_title_and_emphasis_is_removed()
    {
        var document = DocumentReading.ReadText("briefing.md", Briefing);

        document.Title.ShouldBe("Energy briefing: the week in review");
        document.Blocks[0].Kind.ShouldBe(BlockKind.Title);
        document.Blocks[1].Kind.ShouldBe(BlockKind.Standfirst);
        document.BlockText(document.Blocks[1]).ShouldBe("A short lead that sets the scene for the week.");
        document.Text.ShouldNotContain("*");
        document.Text.ShouldNotContain("_");
        document.Text.ShouldNotContain("`");
        document.Text.ShouldNotContain("#");
        document.Text.ShouldNotContain("](");
    }

    [Fact]
    public void Headings_paragraphs_and_list_items_become_blocks_and_sections()
    {
        var document = DocumentReading.ReadText("briefing.md", Briefing);

        document.BlockTexts(BlockKind.Heading).ShouldBe(["Grid & storage", "Policy"]);
        document.Sections.Select(s => s.Heading).ShouldBe(["Energy briefing: the week in review", "Grid & storage", "Policy"]);
        document.BlockTexts(BlockKind.Paragraph).ShouldBe(
        [
            "The first paragraph of the lead section, with a link and inline code. It continues on a second line.",
            "Batteries got cheaper again. Prices fell by 3.5% in Q3.",
            "A quoted paragraph from the minister.",
        ]);
        document.BlockTexts(BlockKind.ListItem).ShouldBe(
        [
            "Lithium prices dropped",
            "Sodium-ion entered production",
            "nested item with bold text",
            "First decision",
            "Second decision",
        ]);
        document.Blocks.Where(b => b.Kind == BlockKind.ListItem).Select(b => b.SectionIndex).ShouldBe([1, 1, 1, 2, 2]);
        document.Text.ShouldNotContain("var ignored");
        document.Language.ShouldBe("en");
    }

    [Fact]
    public void List_items_keep_their_markers_on_their_own_lines_of_the_text()
    {
        var document = DocumentReading.ReadText("briefing.md", Briefing);
        var lines = document.Text.Split('\n');

        lines.ShouldContain("• Lithium prices dropped");
        lines.ShouldContain("1. First decision");
        lines.ShouldContain("2. Second decision");
        lines.ShouldContain("Policy");
    }

    [Fact]
    public void Same_text_under_a_txt_name_is_read_as_plain_text()
    {
        var document = DocumentReading.ReadText("briefing.txt", "# Not a heading in plain text\n\nSome *literal* stars stay.\n\nEnd.");

        document.Title.ShouldBe("# Not a heading in plain text");
        document.Text.ShouldContain("Some *literal* stars stay.");
    }

    [Theory]
    [InlineData("notes.markdown")]
    [InlineData("NOTES.MD")]
    public void Markdown_extensions_are_recognised_case_insensitively(string name)
    {
        DocumentReading.ReadText(name, "# Title\n\nBody **text**.").Text.ShouldBe("Title\n\nBody text.");
    }

    [Fact]
    public void Without_a_top_h1_the_front_matter_title_or_the_file_name_is_the_title()
    {
        var withFrontMatter = DocumentReading.ReadText("drafts/notes.md", "---\ntitle: \"Weekly notes\"\n---\n\nSome paragraph.\n\n## Later\n\nMore.");
        var withoutTitle = DocumentReading.ReadText("drafts/weekly-notes.md", "Some paragraph.\n\n## Later\n\nMore.");

        withFrontMatter.Title.ShouldBe("Weekly notes");
        withFrontMatter.Text.ShouldNotContain("title:");
        withoutTitle.Title.ShouldBe("weekly-notes");
        withoutTitle.Sections[0].Heading.ShouldBe("weekly-notes");
        withoutTitle.BlockTexts(BlockKind.Heading).ShouldBe(["Later"]);
    }

    [Fact]
    public void Typographic_bullets_in_a_markdown_paragraph_are_list_items()
    {
        var document = DocumentReading.ReadText("notes.md", "# Title\n\nIntro:\n\n• first point\n• second point\n");

        document.BlockTexts(BlockKind.ListItem).ShouldBe(["first point", "second point"]);
    }

    [Fact]
    public void Markdown_nested_past_the_parsers_depth_limit_is_rejected_as_malformed()
    {
        var text = "# Titre\n\n" + string.Concat(Enumerable.Repeat("*mot* ", 10_000));

        var rejection = Should.Throw<DocumentRejectedException>(() => DocumentReading.ReadText("emphases.md", text));

        rejection.Reason.ShouldBe(RejectionReason.Malformed);
        rejection.Message.ShouldStartWith("'emphases.md' is Markdown that cannot be read: ");
    }
}
