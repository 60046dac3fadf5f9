using DigestPipeline.Core.Language;
using DigestPipeline.Core.Summaries;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// The "in brief" at the top of a digest: its most central facts, at most <see cref="MaxFacts"/>, one per document,
/// each a sentence the digest cites below that reads on its own.
/// </summary>
/// <remarks>
/// <para>
/// A document's candidate is its best sentence among those the digest cites from it (on any theme), compared by:
/// 1. how many documents report the fact (it was merged with others' copies, "also in: …");
/// 2. how much the rest of the digest echoes it: the sum of its similarities with the other documents' cited
///    sentences (<see cref="FactFingerprint.Similarity"/>, pairs under <see cref="EchoFloor"/> ignored as noise);
/// 3. the summarizer's score for it relative to the best of its item (scores of different themes' summaries do not
///    compare), then the earlier theme: the reader's themes come in their order.
/// 4. the order of the sentences.
/// Documents are then ranked by their candidate on the same keys, then by how many of the digest's themes show them
/// (a document on three themes matters to more of the reader's interests), then by their theme score.
/// </para>
/// <para>
/// Left out as candidates: list introductions (a line ending with ":" says nothing without its list), and sentences
/// that open with a reference to what comes before them (<see cref="DependentOpening"/>): in a list of three they
/// would have no before. Shown only when the digest has at least <see cref="MinDocuments"/> documents: below that,
/// the digest itself is already brief and the list would only repeat it.
/// </para>
/// </remarks>
internal static class InBrief
{
    public const int MaxFacts = 3;

    public const int MinDocuments = 3;

    private const double EchoFloor = 0.2;

    /// <returns>The facts, most central first; empty when the digest is too small to need them.</returns>
    public static IReadOnlyList<(DigestItem Item, SummarySentence Sentence)> Select(IReadOnlyList<DigestThemeGroup> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        var documents = themes
            .SelectMany(theme => theme.Items)
            .GroupBy(item => item.DocumentId, StringComparer.Ordinal)
            .Select(Document.Of)
            .ToList();
        if (documents.Count < MinDocuments)
            return [];

        var candidates = documents
            .Select(document => (Document: document, Best: document.Sentences
                .Where(s => s.Standing)
                .OrderByDescending(s => s.Sources)
                .ThenByDescending(s => Echo(s, document, documents))
                .ThenByDescending(s => s.RelativeScore)
                .Select(s => (Fact?)s)
                .FirstOrDefault()))
            .Where(c => c.Best is not null)
            .Select((c, order) => (c.Document, Best: c.Best!, Echo: Echo(c.Best!, c.Document, documents), Order: order))
            .OrderByDescending(c => c.Best.Sources)
            .ThenByDescending(c => c.Echo)
            .ThenByDescending(c => c.Document.ThemeCount)
            .ThenByDescending(c => c.Document.Item.ThemeScore)
            .ThenBy(c => c.Order);

        return candidates.Take(MaxFacts).Select(c => (c.Document.Item, c.Best.Sentence)).ToList();
    }

    private static double Echo(Fact fact, Document own, List<Document> documents) =>
        documents
            .Where(d => !ReferenceEquals(d, own))
            .SelectMany(d => d.Sentences)
            .Select(other => fact.Fingerprint.Similarity(other.Fingerprint))
            .Where(similarity => similarity >= EchoFloor)
            .Sum();

    /// <summary>A document as the digest shows it: its first item, how many themes show it, its cited sentences once each.</summary>
    private sealed record Document(DigestItem Item, int ThemeCount, IReadOnlyList<Fact> Sentences)
    {
        public static Document Of(IGrouping<string, DigestItem> appearances)
        {
            var first = appearances.First();
            var facts = appearances
                .SelectMany(item => item.Sentences.Select(sentence => (item, sentence, Best: item.Sentences.Max(s => s.Score))))
                .DistinctBy(x => x.sentence.Start)
                .Select(x => new Fact(
                    x.sentence,
                    x.Best > 0 ? x.sentence.Score / x.Best : 0,
                    FactFingerprint.Of(x.sentence.Text, x.item.Language),
                    1 + x.item.OtherSourcesOf(x.sentence).Count,
                    CitedList.Split(x.sentence.Text).Items.Count == 0
                        && !x.sentence.Text.TrimEnd().EndsWith(':')
                        && !DependentOpening.DependsOnPrevious(LanguageTag.Primary(x.item.Language), x.sentence.Text)))
                .ToList();
            return new Document(first, appearances.Count(), facts);
        }
    }

    /// <param name="RelativeScore">The summarizer's score over the best score of the item it was cited in.</param>
    /// <param name="Sources">The documents that report it: this one and those merged into it.</param>
    /// <param name="Standing">Reads on its own, without a list or a sentence before it.</param>
    private sealed record Fact(SummarySentence Sentence, double RelativeScore, FactFingerprint Fingerprint, int Sources, bool Standing);
}
