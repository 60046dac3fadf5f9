using DigestPipeline.Web.Pages;

namespace DigestPipeline.Web.Console.Documents;

/// <summary><c>documents.liquid</c>: the filter form, the matching rows of one page, and the links to the others.</summary>
/// <param name="Removed">The confirmation of a removal just made; empty for none.</param>
internal sealed record DocumentListView(
    string Removed,
    IReadOnlyList<OptionView> States,
    IReadOnlyList<OptionView> Themes,
    IReadOnlyList<OptionView> Languages,
    string Search,
    string Matches,
    string PageOf,
    IReadOnlyList<DocumentRowView> Rows,
    string NewerUrl,
    string OlderUrl);

/// <summary>One choice of a select; <see cref="Selected"/> for the one the filter has.</summary>
internal sealed record OptionView(string Value, string Label, bool Selected);

/// <param name="Reason">Why a rejected upload was refused; empty otherwise.</param>
/// <param name="Themes">The themes' labels; empty with <see cref="NoTheme"/> or before summarizing.</param>
internal sealed record DocumentRowView(
    string Id,
    string Url,
    string Title,
    string State,
    string Reason,
    string Language,
    IReadOnlyList<string> Themes,
    bool NoTheme,
    string Source,
    string Updated);

/// <summary><c>document.liquid</c>: one document (or rejected upload), its structure, themes and highlighted text.</summary>
/// <param name="SourceUrl">The original page of a feed item or fetched page (http or https only); empty for none.</param>
/// <param name="HasText">Whether the normalised text is stored (not for a rejected, removed or not yet ingested upload).</param>
/// <param name="Parts">The text, cut where the chosen summaries' sentences start and end.</param>
internal sealed record DocumentPageView(
    string Id,
    string State,
    string Language,
    string Source,
    string SourceUrl,
    string Received,
    string Updated,
    string Summarized,
    bool Rejected,
    string Reason,
    bool Removed,
    bool NoTheme,
    bool HasText,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<ThemeView> Themes,
    string AllThemesUrl,
    bool AllThemes,
    string Highlighted,
    IReadOnlyList<SourcePartView> Parts,
    string RemoveAction);

/// <param name="Blocks">What the section holds, in words (<c>3 paragraphs, 1 list item</c>).</param>
internal sealed record SectionView(string Heading, string Blocks);

/// <param name="Url">The page with this theme's sentences highlighted; <see cref="Current"/> when it is the page shown.</param>
internal sealed record ThemeView(
    string Label,
    bool Discovered,
    string Score,
    IReadOnlyList<string> KeyPhrases,
    IReadOnlyList<string> Sentences,
    string Url,
    bool Current);
