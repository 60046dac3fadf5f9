using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

public sealed class Both_parts_name_every_theme_and_source
{
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Html_and_text_name_every_theme_document_source_and_sentence(string language)
    {
        var content = DigestSamples.Content(language);
        var digest = DigestSamples.Compose(content);

        foreach (var part in new[] { digest.Html, digest.Text })
        {
            foreach (var theme in content.Themes)
            {
                part.ShouldContain(theme.Label);
                foreach (var item in theme.Items)
                {
                    part.ShouldContain(item.DocumentTitle);
                    part.ShouldContain(item.SourceName);
                    foreach (var sentence in item.Sentences)
                    {
                        part.ShouldContain(sentence.Section);
                        part.ShouldContain(sentence.Text);
                    }
                }
            }
        }
    }

    [Fact]
    public void Html_is_email_safe()
    {
        var html = DigestSamples.Compose(DigestSamples.Content()).Html;

        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<meta name=\"color-scheme\" content=\"light dark\">");
        html.ShouldContain("max-width:600px");
        html.ShouldContain("role=\"presentation\"");
        html.ShouldContain("prefers-color-scheme: dark");
        html.ShouldNotContain("<script", Case.Insensitive);
    }

    [Fact]
    public void Text_part_underlines_theme_headings_and_stays_within_78_columns()
    {
        var text = DigestSamples.Compose(DigestSamples.Content()).Text;
        var lines = text.Split('\n');

        var heading = Array.IndexOf(lines, "Santé (3 nouveautés)");
        heading.ShouldBeGreaterThan(0);
        lines[heading + 1].ShouldBe(new string('-', "Santé (3 nouveautés)".Length));
        lines.ShouldContain("* L’IA à l’hôpital");
        lines.ShouldContain("  - «\u00A0Les hôpitaux testent des assistants.\u00A0»");
        lines.Where(line => !IsLink(line)).ShouldAllBe(line => line.Length <= DigestComposer.TextWidth);
        text.ShouldNotContain("\n\n\n\n");
    }

    [Fact]
    public void Long_sentences_are_wrapped_with_a_hanging_indent()
    {
        var longSentence = string.Join(' ', Enumerable.Repeat("électricité", 30));
        var content = DigestSamples.WithThemes(DigestSamples.Content(),
            new DigestThemeGroup("energie", "Énergie", [DigestSamples.Item("doc-a", "T", "S", longSentence)]));

        var text = DigestSamples.Compose(content).Text;
        var lines = text.Split('\n');

        lines.Where(line => !IsLink(line)).ShouldAllBe(line => line.Length <= DigestComposer.TextWidth);
        lines.Count(line => line.StartsWith("    électricité", StringComparison.Ordinal)).ShouldBeGreaterThan(2);
    }

    /// <summary>A link alone on its line (indented or not): it cannot be wrapped, so it may be wider than the text.</summary>
    private static bool IsLink(string line) =>
        line.TrimStart().StartsWith("https://", StringComparison.Ordinal) && !line.Trim().Contains(' ', StringComparison.Ordinal);
}
