using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>
/// Laying the blocks out writes the document's text; when the text they were read from is already exactly that (a
/// title and paragraphs separated by blank lines), it is kept rather than copied, and otherwise the layout is written.
/// </summary>
public sealed class A_text_already_laid_out_is_kept_as_it_is
{
    private static readonly BlockDraft[] Drafts =
    [
        new(BlockKind.Title, "Ad sales boost profit"),
        new(BlockKind.Paragraph, "Quarterly profits jumped."),
        new(BlockKind.ListItem, "first", DocumentLayout.BulletMarker),
        new(BlockKind.ListItem, "second", DocumentLayout.BulletMarker),
    ];

    private const string LaidOut = "Ad sales boost profit\n\nQuarterly profits jumped.\n\n• first\n• second";

    [Fact]
    public void The_source_text_is_the_document_text_when_it_is_laid_out_already()
    {
        var source = new string(LaidOut.AsSpan());

        var (text, blocks, _) = DocumentLayout.Lay(Drafts, "Ad sales boost profit", source);

        ReferenceEquals(text, source).ShouldBeTrue();
        blocks.Select(b => text.Substring(b.Start, b.Length)).ShouldBe(["Ad sales boost profit", "Quarterly profits jumped.", "first", "second"]);
    }

    [Theory]
    [InlineData("Ad sales boost profit\n\nQuarterly  profits jumped.\n\n• first\n• second")]
    [InlineData("Ad sales boost profit\n\nQuarterly profits jumped.\n\n• first\n• secont")]
    [InlineData("Ad sales boost profit\nQuarterly profits jumped.\n\n• first\n• second")]
    public void Another_source_text_is_laid_out_anew(string source)
    {
        var (text, _, _) = DocumentLayout.Lay(Drafts, "Ad sales boost profit", source);

        text.ShouldBe(LaidOut);
        ReferenceEquals(text, source).ShouldBeFalse();
    }

    [Fact]
    public void A_plain_text_upload_reads_to_the_same_text_either_way()
    {
        var document = DocumentReading.ReadText("ad-sales.txt", "Ad sales boost profit\n\nQuarterly profits jumped.\n\nThe firm said more.");

        document.Text.ShouldBe("Ad sales boost profit\n\nQuarterly profits jumped.\n\nThe firm said more.");
        document.Title.ShouldBe("Ad sales boost profit");
    }
}
