using System.Text;
using DigestPipeline.Core.Documents;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents.Formats;

/// <summary>
/// A text, Markdown or HTML upload of more blocks than <see cref="DocumentReaderOptions.MaxBlocks"/> is refused as
/// its blocks are found (text) or before it is parsed into a tree (Markdown, HTML): ten megabytes of one-letter
/// paragraphs took 0.9 GB as text, 2.5 GB as Markdown and 0.7 GB as HTML.
/// </summary>
public sealed class BlockCapTests
{
    private static readonly DocumentReaderOptions TenBlocks = new() { MaxBlocks = 10 };

    private static DocumentRejectedException Refusal(string name, string content) =>
        Should.Throw<DocumentRejectedException>(() => DocumentReading.Reader(TenBlocks)
            .Read(name, Encoding.UTF8.GetBytes(content), DocumentReading.ReceivedAt, cancellationToken: TestContext.Current.CancellationToken));

    private static SourceDocument Read(string name, string content) =>
        DocumentReading.Reader(TenBlocks).Read(name, Encoding.UTF8.GetBytes(content), DocumentReading.ReceivedAt, cancellationToken: TestContext.Current.CancellationToken);

    private static string Paragraphs(int count, string separator = "\n\n") => string.Join(separator, Enumerable.Range(1, count).Select(i => $"Le paragraphe {i} du texte."));

    [Theory]
    [InlineData("many.txt", "\n\n")]
    [InlineData("items.txt", "\n• ")]
    [InlineData("many.md", "\n\n")]
    [InlineData("items.md", "\n- ")]
    public void Text_and_markdown_of_more_blocks_than_the_cap_are_refused(string name, string separator)
    {
        var rejection = Refusal(name, Paragraphs(11, separator));

        rejection.Reason.ShouldBe(RejectionReason.ExpandsTooMuch);
        rejection.Message.ShouldBe($"'{name}' holds more than 10 paragraphs, headings and list items; that is the limit for one document.");
    }

    [Theory]
    [InlineData("ten.txt")]
    [InlineData("ten.md")]
    public void Text_and_markdown_of_as_many_blocks_as_the_cap_are_read(string name) =>
        Read(name, Paragraphs(10)).Blocks.Count.ShouldBe(10);

    [Fact]
    public void A_markdown_paragraph_wrapped_over_many_lines_is_one_block_start()
    {
        var wrapped = string.Join("\n", Enumerable.Range(1, 50).Select(i => $"la ligne {i} d’un long paragraphe"));

        Read("wrapped.md", "# Titre\n\n" + wrapped).Blocks.Count.ShouldBe(2);
    }

    [Fact]
    public void Html_of_more_blocks_than_the_cap_is_refused()
    {
        var html = "<!DOCTYPE html><html><body><p>" + Paragraphs(11, "</p><p>") + "</p></body></html>";

        Refusal("many.html", html).Message.ShouldBe("'many.html' holds more than 10 paragraphs, headings and list items; that is the limit for one document.");
    }

    [Fact]
    public void Html_of_more_elements_than_two_per_block_of_the_cap_is_refused_before_it_is_parsed()
    {
        var html = "<!DOCTYPE html><html><body><p>" + string.Concat(Enumerable.Repeat("<b>mot</b> ", 20)) + "</p></body></html>";

        var rejection = Refusal("elements.html", html);

        rejection.Reason.ShouldBe(RejectionReason.ExpandsTooMuch);
        rejection.Message.ShouldBe("'elements.html' holds more than 20 HTML elements; that is the limit for one page.");
    }
}
