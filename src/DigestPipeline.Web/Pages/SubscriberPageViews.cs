using DigestPipeline.Core.Subscriptions;

namespace DigestPipeline.Web.Pages;

// What the subscriber pages' templates (Pages/Templates/*.liquid) see, as <c>v</c>: final text (words resolved,
// values as typed or stored) and URLs, never markup; the engine encodes each value.

/// <summary>An option of a select (<paramref name="Selected"/>) or a box of a list (<paramref name="Selected"/>: ticked).</summary>
internal sealed record OptionView(string Value, string Text, bool Selected);

/// <summary>A theme's box: its label and its line from the taxonomy (empty when it has none).</summary>
internal sealed record ThemeChoiceView(string Id, string Label, string Description, bool Checked);

/// <summary>The fields the subscribe and preferences forms share (<c>settings.liquid</c>).</summary>
internal sealed record SettingsView(
    IReadOnlyList<ThemeChoiceView> Themes,
    IReadOnlyList<OptionView> Languages,
    IReadOnlyList<OptionView> ReadingLanguages,
    IReadOnlyList<OptionView> Frequencies,
    IReadOnlyList<OptionView> Days,
    string Time,
    string Cron,
    string TimeZone);

/// <param name="Landing">The page as first opened (<c>/</c>, <c>/subscribe</c>): what the service is, and <paramref name="Sample"/>;
/// false on a form shown again with its problems.</param>
/// <param name="Sample">An excerpt of a digest (the templates' strict variables want it set even where it is not shown).</param>
internal sealed record SubscribeView(bool Landing, string Email, string Name, SettingsView Settings, IReadOnlyList<FieldProblem> Problems, SampleView Sample);

/// <summary>An excerpt of a digest as the digest shows one item (<see cref="LandingSample"/>), framed by the digest's own words.</summary>
/// <param name="DigestLang">The language of the digest's words; <paramref name="Lang"/> is the document's.</param>
internal sealed record SampleView(
    string DigestLang,
    string Theme,
    string Count,
    string Title,
    string Lang,
    string SourceLabel,
    string Source,
    string SectionLabel,
    string Section,
    IReadOnlyList<string> Sentences,
    string KeyPhrasesLabel,
    IReadOnlyList<string> KeyPhrases);

/// <param name="Action">The form's URL, the signed token in it.</param>
/// <param name="Unsubscribed">The subscriber receives nothing: no "unsubscribe from everything" section, a note instead.</param>
internal sealed record PreferencesView(
    string Greeting,
    bool Saved,
    bool Unsubscribed,
    IReadOnlyList<FieldProblem> Problems,
    string Action,
    SettingsView Settings,
    string UnsubscribeAllAction);

/// <summary>A page of a few paragraphs under its title (check your inbox, a refused link, done).</summary>
internal sealed record MessageView(IReadOnlyList<string> Paragraphs);

/// <param name="FirstDigest">When the first digest comes, in the subscriber's zone; empty when that is unknown.</param>
internal sealed record ConfirmedView(string FirstDigest, string PreferencesUrl);

internal sealed record UnsubscribeView(string Question, string Action);

/// <summary>A source document's text in order, cited ranges <paramref name="Parts"/> marked.</summary>
internal sealed record SourceView(string Lang, IReadOnlyList<SourcePartView> Parts);

internal sealed record SourcePartView(string Text, bool Marked);
