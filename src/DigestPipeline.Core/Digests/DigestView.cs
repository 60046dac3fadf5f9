namespace DigestPipeline.Core.Digests;

// The model the digest templates see: every string is final text (labels resolved, whitespace tidied), never
// markup. The HTML template's engine encodes each value; the text template writes it as it is.

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
    string OpenQuote,
    string CloseQuote,
    string FooterWhy,
    string FooterSchedule,
    IReadOnlyList<DigestThemeView> Themes);

internal sealed record DigestThemeView(string Label, string Heading, string CountLabel, IReadOnlyList<DigestItemView> Items);

/// <param name="Lang">The source document's language: quoted sentences keep it.</param>
internal sealed record DigestItemView(
    string Title,
    string Source,
    string Lang,
    IReadOnlyList<DigestSectionView> Sections,
    IReadOnlyList<string> KeyPhrases,
    string KeyPhrasesText);

/// <summary>Consecutive sentences of one item from the same section, under that section's heading.</summary>
internal sealed record DigestSectionView(string Section, IReadOnlyList<DigestSentenceView> Sentences);

/// <param name="AlsoIn">"also in: …" naming the other documents that reported the same fact; empty when none did.</param>
internal sealed record DigestSentenceView(string Text, string AlsoIn);
