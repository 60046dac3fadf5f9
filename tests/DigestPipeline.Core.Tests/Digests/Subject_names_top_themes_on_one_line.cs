using DigestPipeline.Core.Digests;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

public sealed class Subject_names_top_themes_on_one_line
{
    [Fact]
    public void French_subject_names_the_largest_themes_that_fit_whole_and_counts_the_rest()
    {
        var subject = DigestSamples.Compose(DigestSamples.Content("fr")).Subject;

        // All three would make 74 characters.
        subject.ShouldBe("Votre digest : Santé, Énergie et calcul et 1 autre (6 nouveautés)");
    }

    [Fact]
    public void English_subject_is_in_english()
    {
        var subject = DigestSamples.Compose(DigestSamples.Content("en")).Subject;

        subject.ShouldBe("Your digest: Santé, Énergie et calcul and 1 more (6 new items)");
    }

    [Fact]
    public void At_most_three_themes_are_named_and_the_rest_counted()
    {
        var content = DigestSamples.WithThemes(DigestSamples.Content(),
            new DigestThemeGroup("a", "Santé", [DigestSamples.Item("doc-a", "T", "S", "Une phrase.")]),
            new DigestThemeGroup("b", "Climat", [DigestSamples.Item("doc-b", "T", "S", "Une phrase.")]),
            new DigestThemeGroup("c", "Énergie", [DigestSamples.Item("doc-c", "T", "S", "Une phrase.")]),
            new DigestThemeGroup("d", "Logiciel libre", [DigestSamples.Item("doc-d", "T", "S", "Une phrase.")]));

        var subject = DigestSamples.Compose(content).Subject;

        subject.ShouldBe("Votre digest : Santé, Climat, Énergie et 1 autre (4 nouveautés)");
    }

    [Fact]
    public void Themes_not_named_are_counted_in_the_plural()
    {
        var content = DigestSamples.Content();
        content = DigestSamples.WithThemes(content,
        [
            .. content.Themes,
            new DigestThemeGroup("open-source", "Logiciel libre", [DigestSamples.Item("doc-f", "Linux", "LWN", "Une phrase.")]),
            new DigestThemeGroup("climate", "Climat", [DigestSamples.Item("doc-g", "Giec", "Le Monde", "Une autre phrase.")]),
        ]);

        var subject = DigestSamples.Compose(content).Subject;

        subject.ShouldBe("Votre digest : Santé, Énergie et calcul et 3 autres (8 nouveautés)");
    }

    [Theory]
    [InlineData("Santé\r\nBcc: x@evil.example")]
    [InlineData("Santé\nBcc: x@evil.example")]
    [InlineData("Santé\rBcc: x@evil.example")]
    [InlineData("Santé\u2028Bcc:\u0085x\t\0y")]
    public void Line_breaks_and_control_characters_in_a_label_become_spaces(string label)
    {
        var content = DigestSamples.WithThemes(DigestSamples.Content(),
            new DigestThemeGroup("sante", label, [DigestSamples.Item("doc-a", "T", "S", "Une phrase.")]));

        var subject = DigestSamples.Compose(content).Subject;

        subject.ShouldNotContain('\r');
        subject.ShouldNotContain('\n');
        subject.Any(char.IsControl).ShouldBeFalse();
        subject.ShouldStartWith("Votre digest : Santé Bcc:");
        subject.ShouldEndWith("(1 nouveauté)");
    }

    [Fact]
    public void A_very_long_label_is_cut_and_the_count_kept()
    {
        var content = DigestSamples.WithThemes(DigestSamples.Content(),
            new DigestThemeGroup("a", new string('a', 500), [DigestSamples.Item("doc-a", "T", "S", "Une phrase.")]),
            new DigestThemeGroup("b", new string('b', 500), [DigestSamples.Item("doc-b", "T", "S", "Une phrase.")]),
            new DigestThemeGroup("c", new string('c', 500), [DigestSamples.Item("doc-c", "T", "S", "Une phrase.")]));

        var subject = DigestSamples.Compose(content).Subject;

        subject.Length.ShouldBe(70);
        subject.ShouldStartWith("Votre digest : aaa");
        subject.ShouldEndWith("… et 2 autres (3 nouveautés)");
    }
}
