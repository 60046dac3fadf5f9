using System.Text.RegularExpressions;
using System.Xml.Linq;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Localization;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.IntegrationTests.Cli;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Localization;

/// <summary>
/// The words of the pages, sign-up mail, digest, form problems and language names live in <c>.resx</c> files, one
/// per language: each language's file must name every word of the neutral (English) file, no other, with the same
/// placeholders, or a reader of that language would get English (a missing word) or a garbled sentence (a missing
/// or extra <c>{n}</c>). Read from the files in the repository, so that a language added later is held to it too.
/// </summary>
public sealed partial class Every_language_file_has_every_word_with_its_placeholders
{
    public static TheoryData<string> LanguageFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in ResourceFiles().Where(f => CultureOf(f) is not null))
            files.Add(Path.GetRelativePath(DigestCommand.RepositoryRoot(), file));
        return files;
    }

    [Theory]
    [MemberData(nameof(LanguageFiles))]
    public void A_language_file_names_the_neutral_files_words_with_the_same_placeholders(string languageFile)
    {
        var path = Path.Combine(DigestCommand.RepositoryRoot(), languageFile);
        var culture = CultureOf(path)!;
        var neutral = Words(NeutralOf(path));
        var words = Words(path);

        words.Keys.Except(neutral.Keys).Order().ShouldBeEmpty($"{languageFile}: words the neutral file does not have");
        neutral.Keys.Except(words.Keys).Order().ShouldBeEmpty($"{languageFile}: words missing (its readers would get English)");
        foreach (var (name, english) in neutral)
        {
            Placeholders(words[name]).ShouldBe(Placeholders(english), $"{languageFile}: the placeholders of \"{name}\"");
        }

        words["Language"].ShouldBe(culture, $"{languageFile}: its Language is its own");
        words["PluralOne"].Split(',').ShouldAllBe(n => n.Trim().All(char.IsAsciiDigit), $"{languageFile}: PluralOne lists counts");
    }

    [Fact]
    public void Every_set_of_files_has_a_french_file_and_its_words_are_found_at_run_time()
    {
        var sets = ResourceFiles().Where(f => CultureOf(f) is null).ToList();
        sets.Count.ShouldBeGreaterThanOrEqualTo(5, "pages, sign-up mail, digest, form problems, language names");
        foreach (var neutral in sets)
            File.Exists(Path.ChangeExtension(neutral, ".fr.resx")).ShouldBeTrue($"{neutral} has a French file");

        // The built satellite assemblies answer French, and a language with no file the neutral English.
        foreach (var catalog in new[] { DigestLabels.Catalog, SubscriptionMail.Catalog, ScheduleProblem.Catalog, LanguageNames.Catalog })
        {
            catalog.For("fr-CA").Language.ShouldBe("fr");
            catalog.For("fr-FR,fr;q=0.9,en;q=0.8").Language.ShouldBe("fr");
            catalog.For("de").Language.ShouldBe("en");
            catalog.For(null).Language.ShouldBe("en");
        }
    }

    [Fact]
    public void A_word_no_file_has_is_an_error_not_a_word_shown()
    {
        Should.Throw<KeyNotFoundException>(() => DigestLabels.Catalog.For("fr").Get("NoSuchWord")).Message.ShouldContain("NoSuchWord");
    }

    [Fact]
    public void Counts_take_each_languages_plural_french_singular_for_zero_and_one()
    {
        DigestLabels.French.ItemCount(0).ShouldBe("0 nouveauté");
        DigestLabels.French.ItemCount(1).ShouldBe("1 nouveauté");
        DigestLabels.French.ItemCount(2).ShouldBe("2 nouveautés");
        DigestLabels.French.ItemCount(1234).ShouldBe("1\u202F234 nouveautés");
        DigestLabels.English.ItemCount(0).ShouldBe("0 new items");
        DigestLabels.English.ItemCount(1).ShouldBe("1 new item");
        DigestLabels.English.AndMore(3).ShouldBe("and 3 more");
    }

    private static IEnumerable<string> ResourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(DigestCommand.RepositoryRoot(), "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>"fr" of <c>PageStrings.fr.resx</c>; null for the neutral <c>PageStrings.resx</c>.</summary>
    private static string? CultureOf(string path)
    {
        var match = CultureSuffix().Match(Path.GetFileName(path));
        return match.Success ? match.Groups["culture"].Value : null;
    }

    private static string NeutralOf(string path) => CultureSuffix().Replace(path, ".resx");

    private static Dictionary<string, string> Words(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>The distinct <c>{n}</c> (with any format, <c>{0:N0}</c>) a text fills, in order.</summary>
    private static List<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups["index"].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\.(?<culture>[a-z]{2,3}(-[A-Za-z]{2,4})?)\.resx$")]
    private static partial Regex CultureSuffix();

    [GeneratedRegex(@"(?<!\{)\{(?<index>\d+)(,[^}]*)?(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
