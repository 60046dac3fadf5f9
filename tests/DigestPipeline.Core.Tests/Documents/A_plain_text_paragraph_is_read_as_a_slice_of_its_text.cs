using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Documents.Formats;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>
/// A plain-text paragraph already trimmed and without runs of spaces is read as its slice of the text rather than
/// copied into a string of its own (the layout then keeps the text whole); one that needs collapsing gets its own
/// clean string, and both lay out to the same text as before.
/// </summary>
public sealed class A_plain_text_paragraph_is_read_as_a_slice_of_its_text
{
    private const string Text = "Ad sales boost profit\n\nQuarterly profits jumped.\n\nThe firm  said more.";

    [Fact]
    public void A_clean_paragraph_is_its_slice_of_the_text()
    {
        var text = new string(Text.AsSpan());

        var (drafts, _) = PlainTextStructureReader.Read(text, maxBlocks: 100, Budget());

        drafts[1].Content.ToString().ShouldBe("Quarterly profits jumped.");
        drafts[1].IsSliceOf(text, text.IndexOf("Quarterly", StringComparison.Ordinal)).ShouldBeTrue();
    }

    [Fact]
    public void A_paragraph_with_a_run_of_spaces_gets_its_own_collapsed_text()
    {
        var text = new string(Text.AsSpan());

        var (drafts, _) = PlainTextStructureReader.Read(text, maxBlocks: 100, Budget());

        drafts[2].Text.ShouldBe("The firm said more.");
        drafts[2].IsSliceOf(text, text.IndexOf("The firm", StringComparison.Ordinal)).ShouldBeFalse();
    }

    [Fact]
    public void The_document_reads_as_before()
    {
        var document = DocumentReading.ReadText("ad-sales.txt", Text);

        document.Text.ShouldBe("Ad sales boost profit\n\nQuarterly profits jumped.\n\nThe firm said more.");
        document.Blocks.Select(b => document.Text.Substring(b.Start, b.Length)).ShouldBe(["Ad sales boost profit", "Quarterly profits jumped.", "The firm said more."]);
    }

    private static ReadBudget Budget() => new("ad-sales.txt", TimeSpan.FromMinutes(1), TimeProvider.System, TestContext.Current.CancellationToken);
}
