using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Subscribers;

namespace DigestPipeline.Core.Digests;

/// <summary>What one digest says, before it is rendered: the new summaries on the subscriber's themes, grouped by theme.</summary>
public sealed record DigestContent(Subscriber Subscriber, DateTimeOffset Period, IReadOnlyList<DigestThemeGroup> Themes)
{
    public int ItemCount => Themes.Sum(t => t.Items.Count);
}

/// <param name="Label">Theme label in the subscriber's language.</param>
public sealed record DigestThemeGroup(string ThemeId, string Label, IReadOnlyList<DigestItem> Items);

/// <summary>One document's summary on one theme.</summary>
public sealed record DigestItem(
    string DocumentId,
    string DocumentTitle,
    string SourceName,
    string Language,
    IReadOnlyList<SummarySentence> Sentences,
    IReadOnlyList<string> KeyPhrases);
