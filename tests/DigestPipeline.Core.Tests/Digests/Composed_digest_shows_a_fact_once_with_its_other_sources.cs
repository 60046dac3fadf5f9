using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Themes;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;
using static DigestPipeline.Core.Tests.Digests.FactSamples;

namespace DigestPipeline.Core.Tests.Digests;

/// <summary>Collected from a theme index and a summary store, then composed: the email shows each fact once.</summary>
public sealed class Composed_digest_shows_a_fact_once_with_its_other_sources
{
    private const string BriefTitle = "Brève <b>&</b> : un sommet";

    [Theory]
    [InlineData("fr", "(également dans\u00A0: Brève <b>&</b> : un sommet)", "(également dans\u00A0: Brève &lt;b&gt;&amp;&lt;/b&gt; : un sommet)", "1 nouveauté")]
    [InlineData("en", "(also in: Brève <b>&</b> : un sommet)", "(also in: Brève &lt;b&gt;&amp;&lt;/b&gt; : un sommet)", "1 new item")]
    public async Task The_fact_appears_once_from_the_best_source_and_names_the_other(string language, string textNote, string htmlNote, string count)
    {
        var digest = await CollectAndComposeAsync(language);

        foreach (var part in new[] { digest.Html, Unwrapped(digest.Text) })
        {
            Occurrences(part, SummitFr).ShouldBe(1);
            part.ShouldNotContain(SummitFrReworded);
            part.ShouldContain(count);
        }

        Unwrapped(digest.Text).ShouldContain(textNote);
        // The encoder writes a no-break space as &#xA0;; the title's markup must stay encoded.
        digest.Html.Replace("&#xA0;", "\u00A0", StringComparison.Ordinal).ShouldContain(htmlNote);
        digest.Html.ShouldNotContain("<b>");
    }

    [Fact]
    public async Task Without_a_shared_fact_both_documents_are_in_the_digest_and_nothing_says_also_in()
    {
        var digest = await CollectAndComposeAsync("en", briefSentence: StartupsFr);

        var text = Unwrapped(digest.Text);
        text.ShouldContain(SummitFr);
        text.ShouldContain(StartupsFr);
        text.ShouldContain("2 new items");
        text.ShouldNotContain("also in");
        digest.Html.ShouldNotContain("also in");
    }

    private static async Task<ComposedDigest> CollectAndComposeAsync(string language, string briefSentence = SummitFrReworded)
    {
        var store = new InMemorySummaries(
            Summary("doc-brief", BriefTitle, score: 4, Morning, briefSentence),
            Summary("doc-article", "Ce que les leaders de l’IA ont dit à Miami", score: 9, Morning.AddHours(1), SummitFr));
        var collector = new DigestContentCollector(store, store, ThemeSamples.SeedTaxonomy(), Options.Create(new DigestOptions()));
        // The documents are French: an English subscriber reads French too.
        var subscriber = DigestSamples.Subscriber(language) with { Themes = ["health"], AlsoReads = ["fr"] };

        var content = await collector.CollectAsync(subscriber, DigestSamples.Period, Morning.AddDays(-1), Morning.AddDays(1), TestContext.Current.CancellationToken);
        return DigestSamples.Compose(content);
    }

    private static DocumentSummaries Summary(string id, string title, double score, DateTimeOffset summarizedAt, string sentence) => new(
        id, $"{id}.txt", title, "fr", summarizedAt,
        [
            new ThemedSummary("health", new Dictionary<string, string> { ["fr"] = "Santé", ["en"] = "Health" }, Discovered: false, score,
                [new SummarySentence(id, 1, "Santé", 0, sentence.Length, sentence, 1.0)], []),
        ]);

    /// <summary>The text part with its wrapped lines joined again.</summary>
    private static string Unwrapped(string text) => Regex.Replace(text, @"\n {4}", " ");

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    /// <summary>A theme index and summary store in memory: every document is indexed on each of its themes when it was summarized, and given newest first.</summary>
    private sealed class InMemorySummaries(params DocumentSummaries[] documents) : ISummaryStore, IThemeIndex
    {
        public Task SaveAsync(DocumentSummaries summaries, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DocumentSummaries?> GetAsync(string documentId, CancellationToken cancellationToken) =>
            Task.FromResult(documents.FirstOrDefault(d => d.DocumentId == documentId));

        public Task AddAsync(DocumentSummaries summaries, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteAsync(string documentId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<string> ListDocumentIdsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RemoveAsync(DocumentSummaries summaries, CancellationToken cancellationToken) => throw new NotSupportedException();

        public async IAsyncEnumerable<ThemeIndexEntry> QueryAsync(string themeId, DateTimeOffset after, DateTimeOffset upTo,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var document in documents.Where(d => d.Themes.Any(t => t.ThemeId == themeId)).OrderByDescending(d => d.SummarizedAt))
                yield return new ThemeIndexEntry(themeId, document.DocumentId, document.SummarizedAt);
        }
    }
}
