using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Documents;

/// <summary>An ellipsis (… or ...) ends a sentence before a capital, not before a lowercase word or inside brackets.</summary>
public sealed class EllipsisSplittingTests
{
    [Theory]
    [InlineData("Il hésite… puis repart. Il hésite... Puis il repart.", new[] { "Il hésite… puis repart.", "Il hésite...", "Puis il repart." })]
    [InlineData("Il a dit […] que tout allait bien. Fin.", new[] { "Il a dit […] que tout allait bien.", "Fin." })]
    public void French_ellipses(string paragraph, string[] expected)
    {
        DocumentReading.SplitParagraph(paragraph, "fr").ShouldBe(expected);
    }

    [Theory]
    [InlineData("We waited... and waited. Then… Nothing happened.", new[] { "We waited... and waited.", "Then…", "Nothing happened." })]
    [InlineData("He said [...] that it was fine. Done.", new[] { "He said [...] that it was fine.", "Done." })]
    public void English_ellipses(string paragraph, string[] expected)
    {
        DocumentReading.SplitParagraph(paragraph, "en").ShouldBe(expected);
    }
}
