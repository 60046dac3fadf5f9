using System.Net;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Digests;

/// <summary>
/// A digest leaves out documents in languages its subscriber does not read, without their taking a theme's places,
/// and labels, in the digest's language, the items in another language the subscriber chose to read. It used to carry
/// every document on the subscriber's themes, unlabelled: an English reader's digest was 40 % untranslated French.
/// </summary>
public sealed class A_digest_carries_the_languages_its_subscriber_reads
{
    private const string Theme = ThemeAccount.Theme;
    private static readonly DateTimeOffset Now = new(2025, 5, 5, 7, 0, 0, TimeSpan.Zero);

    private readonly ThemeAccount _account = new();

    [Fact]
    public async Task An_english_only_reader_gets_no_french_item_and_still_five_english_ones_when_older_ones_exist()
    {
        // The five newest are French; older ones alternate English and French.
        for (var i = 0; i < 20; i++)
            await AddAsync(Document($"doc-{i:00}", i < 5 || i % 2 == 0 ? "fr" : "en", Now.AddMinutes(-i)));

        var content = await CollectAsync(Reader("en"));

        Shown(content).ShouldBe(["doc-13", "doc-11", "doc-09", "doc-07", "doc-05"]);
        content.Themes.SelectMany(t => t.Items).ShouldAllBe(item => item.Language == "en");
        // Read as far as the fifth English one, no further.
        _account.Index.EntriesRead.ShouldBe(14);
    }

    [Fact]
    public async Task A_reader_of_french_and_english_gets_both_and_the_english_ones_are_labelled_in_french()
    {
        await AddAsync(Document("doc-fr", "fr", Now.AddMinutes(-2), "Les hôpitaux testent des assistants."));
        await AddAsync(Document("doc-en", "en", Now.AddMinutes(-1), "Hospitals & clinics <test> assistants."));
        await AddAsync(Document("doc-de", "de", Now, "Die Krankenhäuser testen Assistenten."));

        var content = await CollectAsync(Reader("fr") with { AlsoReads = ["en"] });
        var digest = DigestSamples.Compose(content);

        Shown(content).ShouldBe(["doc-fr", "doc-en"]);
        digest.Text.ShouldContain("Source\u00A0: doc-en.txt (en anglais)");
        digest.Text.ShouldContain("Source\u00A0: doc-fr.txt\n");
        digest.Text.ShouldNotContain("Krankenhäuser");
        WebUtility.HtmlDecode(digest.Html).ShouldContain("doc-en.txt <span class=\"dp-chip dp-lang\"");
        Labels(digest.Html).ShouldBe(["en anglais"]);
        // The item's own text is still encoded by the template engine.
        digest.Html.ShouldContain("Hospitals &amp; clinics &lt;test&gt; assistants.");
    }

    [Fact]
    public async Task An_english_digest_labels_each_other_language_by_its_english_name()
    {
        string[] languages = ["fr", "de", "es", "it", "pt", "nl"];
        for (var i = 0; i < languages.Length; i++)
            await AddAsync(Document($"doc-{languages[i]}", languages[i], Now.AddMinutes(-i)));
        var options = new DigestOptions { MaxItemsPerTheme = 10 };

        var content = (await _account.Collector(options)
            .CollectAsync([new DigestWindow(Reader("en") with { AlsoReads = languages }, Now, Now.AddDays(-1), Now)], TestContext.Current.CancellationToken))[0];
        var digest = DigestSamples.Compose(content);

        Labels(digest.Html).Order(StringComparer.Ordinal).ShouldBe(["in Dutch", "in French", "in German", "in Italian", "in Portuguese", "in Spanish"]);
        digest.Text.ShouldContain("Source: doc-nl.txt (in Dutch)");
    }

    [Fact]
    public async Task A_document_whose_language_was_not_detected_is_shown_to_every_reader_unlabelled()
    {
        await AddAsync(Document("doc-unknown", LanguageDetector.Unknown, Now));
        await AddAsync(Document("doc-fr", "fr", Now.AddMinutes(-1)));

        var content = await CollectAsync(Reader("en"));
        var digest = DigestSamples.Compose(content);

        Shown(content).ShouldBe(["doc-unknown"]);
        Labels(digest.Html).ShouldBeEmpty();
        digest.Text.ShouldContain("Source: doc-unknown.txt\n");
    }

    [Fact]
    public async Task A_regional_tag_is_read_as_its_language()
    {
        await AddAsync(Document("doc-ca", "fr-CA", Now));

        Shown(await CollectAsync(Reader("fr"))).ShouldBe(["doc-ca"]);
        Shown(await CollectAsync(Reader("en"))).ShouldBeEmpty();
        DigestSamples.Compose(await CollectAsync(Reader("fr"))).Text.ShouldNotContain("(en ");
    }

    private Task AddAsync(DocumentSummaries document) => _account.AddAsync(document);

    private async Task<DigestContent> CollectAsync(Subscriber subscriber) =>
        (await _account.Collector().CollectAsync([new DigestWindow(subscriber, Now, Now.AddDays(-1), Now)], TestContext.Current.CancellationToken))[0];

    private static Subscriber Reader(string language) => DigestSamples.Subscriber(language) with { Themes = [Theme] };

    private static IEnumerable<string> Shown(DigestContent content) => ThemeAccount.Shown(content);

    /// <summary>The text of the HTML part's language labels.</summary>
    private static List<string> Labels(string html) =>
        html.Split("<span class=\"dp-chip dp-lang\"").Skip(1).Select(part => part[(part.IndexOf('>') + 1)..part.IndexOf("</span>", StringComparison.Ordinal)]).ToList();

    private static DocumentSummaries Document(string id, string language, DateTimeOffset at, string? sentence = null) =>
        ThemeAccount.Document(id, at, language, sentence: sentence);
}
