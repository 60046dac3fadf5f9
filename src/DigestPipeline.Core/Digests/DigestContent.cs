using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Translation;

namespace DigestPipeline.Core.Digests;

/// <summary>What one digest says, before it is rendered: the new summaries on the subscriber's themes, grouped by theme.</summary>
public sealed record DigestContent(Subscriber Subscriber, DateTimeOffset Period, IReadOnlyList<DigestThemeGroup> Themes)
{
    public int ItemCount => Themes.Sum(t => t.Items.Count);
}

/// <param name="Label">Theme label in the subscriber's language.</param>
public sealed record DigestThemeGroup(string ThemeId, string Label, IReadOnlyList<DigestItem> Items)
{
    /// <summary>
    /// The theme's lead, when a translation provider wrote one (<see cref="DigestEnricher"/>): its sentences, machine-written
    /// or, where one failed the check, the best cited sentence. Empty without a provider.
    /// </summary>
    public IReadOnlyList<LeadSentence> Lead { get; init; } = [];
}

/// <summary>One document's summary on one theme.</summary>
/// <param name="ThemeScore">How strongly the document is about the theme (<see cref="ThemedSummary.Score"/>).</param>
/// <param name="SummarizedAt">When the document was summarized (never what chooses among copies of a fact: see <see cref="DuplicateFactMerger"/>).</param>
public sealed record DigestItem(
    string DocumentId,
    string DocumentTitle,
    string SourceName,
    string Language,
    IReadOnlyList<SummarySentence> Sentences,
    IReadOnlyList<string> KeyPhrases,
    double ThemeScore,
    DateTimeOffset SummarizedAt)
{
    /// <summary>The original page (a feed item's link), which the digest shows and links to instead of the upload's name.</summary>
    public Uri? SourceUrl { get; init; }

    private static readonly IReadOnlyDictionary<int, IReadOnlyList<string>> NoOtherSources = new Dictionary<int, IReadOnlyList<string>>();

    /// <summary>
    /// For a sentence kept when other documents of the same theme reported the same fact, the titles of those
    /// documents (their source names where a title is this document's title too), keyed by the sentence's
    /// <see cref="SummarySentence.Start"/> (see <see cref="DuplicateFactMerger"/>).
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> AlsoReportedBy { get; init; } = NoOtherSources;

    /// <summary>
    /// The document's title, headings and cited sentences translated into the digest's language, by
    /// <see cref="TranslationUnit.Key"/>, when the item is in another language and a provider translated it (<see cref="DigestEnricher"/>);
    /// null otherwise: the item is then shown as written, labelled with its language.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Translation { get; init; }

    /// <summary>A cited sentence's translation, when the item has one.</summary>
    public string? TranslationOf(SummarySentence sentence) =>
        Translation is not null && Translation.TryGetValue(TranslationUnit.SentenceKey(sentence.Start, sentence.Length), out var text) ? text : null;

    public IReadOnlyList<string> OtherSourcesOf(SummarySentence sentence) =>
        AlsoReportedBy.TryGetValue(sentence.Start, out var titles) ? titles : [];
}
