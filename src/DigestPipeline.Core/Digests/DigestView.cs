namespace DigestPipeline.Core.Digests;

// The model the digest templates see: every string is final text (labels resolved, whitespace tidied) or an
// absolute URL, never markup. The HTML template's engine encodes each value (URLs too, for their attributes);
// the text template writes it as it is.

/// <param name="ViewInBrowserUrl">The archived copy of this digest (<c>/digests/{deliveryId}?token=</c>).</param>
/// <param name="UnsubscribeUrl">The one-click URL that List-Unsubscribe names too.</param>
internal sealed record DigestView(
    string Lang,
    string Title,
    string Preheader,
    string Greeting,
    string Intro,
    string CountLabel,
    string SourceLabel,
    string SectionLabel,
    string KeyPhrasesLabel,
    string FooterWhy,
    string FooterSchedule,
    string InBriefLabel,
    IReadOnlyList<DigestBriefView> InBrief,
    IReadOnlyList<DigestThemeView> Themes,
    string ViewInBrowserLabel,
    string ViewInBrowserUrl,
    string PreferencesLabel,
    string PreferencesUrl,
    string UnsubscribeLabel,
    string UnsubscribeUrl,
    string SourcePageLabel,
    string Colon);

/// <summary>One fact of the digest's "in brief" (<see cref="InBrief"/>): the cited sentence and the document it comes from.</summary>
/// <param name="ShortTitle">The document's title, cut short and quoted, as the digest refers back to it.</param>
/// <param name="Url">The document's source page with its cited sentences highlighted.</param>
internal sealed record DigestBriefView(string Quoted, string Lang, string ShortTitle, string Url);

/// <param name="UnsubscribeLabel">"Unsubscribe from “Health”", for <paramref name="UnsubscribeUrl"/> (this theme only).</param>
/// <param name="Lead">The theme's machine-written lead (a cited sentence in quotation marks where a written one failed
/// its check); empty without a provider, or when no written sentence passed (the best extract is in its item already).</param>
/// <param name="LeadLabel">"Machine-written summary": says where the lead comes from.</param>
internal sealed record DigestThemeView(
    string Label,
    string Heading,
    string CountLabel,
    IReadOnlyList<DigestItemView> Items,
    string UnsubscribeLabel,
    string UnsubscribeUrl,
    string Lead = "",
    string LeadLabel = "");

/// <param name="Lang">The source document's language: quoted sentences keep it.</param>
/// <param name="Repeat">The document appeared under an earlier theme of this digest: shown by <paramref name="ShortTitle"/> with "see above", without its source again.</param>
/// <param name="AlsoUnder">On a document's first appearance, the digest's later themes that show it too; else empty.</param>
/// <param name="LanguageNote">"in French" / "en anglais", in the digest's language, for an item in another language
/// than the digest's (one the subscriber reads too); empty otherwise.</param>
/// <param name="LanguageSuffix">The same note as the plain-text part appends it to the source line, " (in French)"; empty when none.</param>
/// <param name="Url">The source document's page with this item's sentences highlighted: for a translated item, its original.</param>
/// <param name="ReadOriginal">"Read the original (in French)" for a translated item, linking to <paramref name="Url"/>; empty otherwise.</param>
/// <param name="SourceUrl">The original page's address (a feed item's link), which <paramref name="Source"/> then
/// shows and the HTML part links to; empty for a file uploaded by hand.</param>
/// <param name="SourcePageLabel">What the plain-text part says before <paramref name="Url"/>: the digest's "cited passages" label, or <paramref name="ReadOriginal"/>.</param>
internal sealed record DigestItemView(
    string DocumentId,
    string Title,
    string Source,
    string Lang,
    string LanguageNote,
    string LanguageSuffix,
    IReadOnlyList<DigestSectionView> Sections,
    IReadOnlyList<string> KeyPhrases,
    string KeyPhrasesText,
    string Url,
    string ReadOriginal,
    string SourcePageLabel,
    bool Repeat = false,
    string ShortTitle = "",
    string SeeAbove = "",
    string AlsoUnder = "",
    string SourceUrl = "");

/// <summary>Consecutive sentences of one item from the same section, under that section's heading.</summary>
internal sealed record DigestSectionView(string Section, IReadOnlyList<DigestSentenceView> Sentences);

/// <param name="Quoted">The cited sentence between quotation marks (<see cref="DigestLabels.Quote"/>).</param>
/// <param name="Items">The items of the list the sentence announces, shown under it; empty for a plain sentence.</param>
/// <param name="AlsoIn">"also in: …" naming the other documents that reported the same fact; empty when none did.</param>
/// <param name="Original">For a translated sentence, the sentence as the source has it (the HTML part's tooltip); empty otherwise.</param>
internal sealed record DigestSentenceView(string Quoted, IReadOnlyList<string> Items, string AlsoIn, string Original = "");
