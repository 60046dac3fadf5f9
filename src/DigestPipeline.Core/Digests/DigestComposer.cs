using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Translation;
using Fluid;
using Fluid.Values;

namespace DigestPipeline.Core.Digests;

/// <summary>
/// Renders a digest as HTML and plain text in the subscriber's language. Every piece of document text is
/// HTML-encoded by the template engine itself, never by hand.
/// </summary>
/// <remarks>
/// The Fluid templates are embedded resources (<c>Digests/Templates/*.liquid</c>), parsed once per process and
/// shared: composing is thread-safe and deterministic (the same content and delivery give the same bytes: the
/// links' tokens are issued as of the digest's period, not of the clock, so a retry composes the same message).
/// </remarks>
public sealed class DigestComposer(SubscriberLinks links)
{
    /// <summary>Plain-text line width.</summary>
    public const int TextWidth = 78;

    /// <summary>A document's title where the digest refers back to it, in text elements.</summary>
    private const int ShortTitleLength = 48;

    /// <summary>
    /// Encodes every character that means something in HTML (<c>&lt; &gt; &amp; " '</c> and more) but leaves letters of
    /// every script readable: <see cref="HtmlEncoder.Default"/> would also turn each <c>é</c> into <c>&amp;#xE9;</c>.
    /// </summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly Lazy<Templates> Cached = new(Templates.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <param name="deliveryId">The delivery this digest is sent as (<see cref="Delivery.Id"/>): "view in browser" opens its archived copy.</param>
    public ComposedDigest Compose(DigestContent content, string deliveryId)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);

        var templates = Cached.Value;
        var labels = DigestLabels.For(content.Subscriber.Language);
        var view = BuildView(content, deliveryId, labels);

        var html = templates.Html.Render(NewContext(view, templates.Options), Html);
        var text = templates.Text.Render(NewContext(view, templates.Options), NullEncoder.Default);
        return new ComposedDigest(DigestSubject.For(content, labels), html, text, view.UnsubscribeUrl);
    }

    private static TemplateContext NewContext(DigestView view, TemplateOptions options)
    {
        var context = new TemplateContext(options);
        context.SetValue("d", view);
        return context;
    }

    private DigestView BuildView(DigestContent content, string deliveryId, DigestLabels labels)
    {
        var subscriber = content.Subscriber;
        var issuedAt = content.Period;
        var shown = content.Themes.Where(theme => theme.Items.Count > 0).ToList();
        // A document on several of the digest's themes: its title and source once, where it first appears, naming
        // the later themes that show it; there a short reference to it.
        var themesOf = shown
            .SelectMany(theme => theme.Items.Select(item => (item.DocumentId, Label: DigestText.SingleLine(theme.Label))))
            .GroupBy(x => x.DocumentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Label).ToList(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var themes = shown.Select(theme => BuildTheme(theme, subscriber, issuedAt, labels, themesOf, seen)).ToList();
        var firstAppearances = themes.SelectMany(t => t.Items).Where(i => !i.Repeat).ToDictionary(i => i.DocumentId, StringComparer.Ordinal);
        // In the words of the document's first appearance: translated there, translated here.
        var inBrief = InBrief.Select(shown).Select(fact =>
        {
            var shownAs = firstAppearances[fact.Item.DocumentId];
            var translated = ItemLanguage.IsLabelled(subscriber.Language, fact.Item.Language) ? fact.Item.TranslationOf(fact.Sentence) : null;
            return new DigestBriefView(Quote(translated ?? fact.Sentence.Text, fact.Sentence.IsClause, labels), shownAs.Lang,
                labels.Quote(ShortTitle(shownAs.Title), ""), shownAs.Url);
        }).ToList();
        var count = labels.ItemCount(content.ItemCount);
        var title = string.Format(labels.Culture, labels.TitleFormat, LocalDate(content.Period, subscriber, labels.Culture));

        return new DigestView(
            Lang: HtmlLanguage(subscriber.Language, labels),
            Title: title,
            Preheader: $"{labels.Intro} ({count})",
            Greeting: labels.Greeting(DigestText.SingleLine(subscriber.DisplayName)).Replace(" ,", ",", StringComparison.Ordinal),
            Intro: labels.Intro,
            CountLabel: count,
            SourceLabel: labels.SourceLabel,
            SectionLabel: labels.SectionLabel,
            KeyPhrasesLabel: labels.KeyPhrasesLabel,
            FooterWhy: string.Format(labels.Culture, labels.FooterWhyFormat,
                labels.JoinList(themes.Select(t => t.Label).ToList())),
            FooterSchedule: string.Format(labels.Culture, labels.FooterScheduleFormat,
                labels.DescribeSchedule(subscriber.Schedule), DigestText.SingleLine(subscriber.TimeZone)),
            InBriefLabel: labels.InBrief,
            InBrief: inBrief,
            Themes: themes,
            ViewInBrowserLabel: labels.ViewInBrowser,
            ViewInBrowserUrl: links.ViewDigest(subscriber.Id, deliveryId, issuedAt),
            PreferencesLabel: labels.ManagePreferences,
            PreferencesUrl: links.Preferences(subscriber.Id, issuedAt),
            UnsubscribeLabel: labels.UnsubscribeAll,
            UnsubscribeUrl: links.Unsubscribe(subscriber.Id, issuedAt),
            SourcePageLabel: labels.SourcePageLabel,
            Colon: labels.Colon);
    }

    private DigestThemeView BuildTheme(DigestThemeGroup theme, Subscriber subscriber, DateTimeOffset issuedAt, DigestLabels labels,
        Dictionary<string, List<string>> themesOf, HashSet<string> seen)
    {
        var label = DigestText.SingleLine(theme.Label);
        var count = labels.ItemCount(theme.Items.Count);
        return new DigestThemeView(
            label,
            $"{label} ({count})",
            count,
            theme.Items.Select(item => BuildItem(item, subscriber, issuedAt, labels) with
            {
                Repeat = !seen.Add(item.DocumentId),
            }).Select(view => view.Repeat
                ? view with { ShortTitle = labels.Quote(ShortTitle(view.Title), ""), SeeAbove = labels.SeeAbove }
                : view with { AlsoUnder = labels.AlsoUnder(themesOf[view.DocumentId].Skip(1).ToList()) }).ToList(),
            labels.UnsubscribeTheme(label),
            links.UnsubscribeTheme(subscriber.Id, theme.ThemeId, issuedAt),
            Lead(theme, labels),
            labels.LeadLabel);
    }

    /// <summary>
    /// The lead as shown: written sentences as they are, a cited one in quotation marks. Nothing when no sentence of it
    /// is machine-written: the best extract alone is in its item already, and repeating it adds nothing.
    /// </summary>
    private static string Lead(DigestThemeGroup theme, DigestLabels labels) =>
        theme.Lead.Any(s => s.MachineWritten)
            ? string.Join(' ', theme.Lead.Select(s => s.MachineWritten ? DigestText.SingleLine(s.Text) : labels.Quote(DigestText.SingleLine(s.Text))))
            : "";

    private DigestItemView BuildItem(DigestItem item, Subscriber subscriber, DateTimeOffset issuedAt, DigestLabels labels)
    {
        var sections = new List<DigestSectionView>();
        string? currentSection = null;
        List<DigestSentenceView>? currentSentences = null;
        // A translated item reads in the digest's language; its link opens the original, cited passages highlighted.
        var itemLanguage = DigestText.SingleLine(item.Language);
        var labelled = ItemLanguage.IsLabelled(subscriber.Language, item.Language);
        var translation = labelled ? item.Translation : null;
        var isTranslated = translation is not null;
        foreach (var sentence in item.Sentences)
        {
            var section = DigestText.SingleLine(translation is not null && translation.TryGetValue(TranslationUnit.HeadingKey(sentence.SectionIndex), out var heading)
                ? heading : sentence.Section);
            if (currentSentences is null || section != currentSection)
            {
                currentSection = section;
                currentSentences = [];
                sections.Add(new DigestSectionView(section, currentSentences));
            }

            var otherSources = item.OtherSourcesOf(sentence).Select(DigestText.SingleLine).Where(t => t.Length > 0).ToList();
            var translated = isTranslated ? item.TranslationOf(sentence) : null;
            currentSentences.Add(new DigestSentenceView(Quote(translated ?? sentence.Text, sentence.IsClause, labels), CitedList.Split(translated ?? sentence.Text).Items,
                labels.AlsoReportedIn(otherSources),
                translated is null ? "" : DigestText.SingleLine(sentence.Text)));
        }

        // Key phrases are not translated: out of their sentences they translate badly, and foreign ones do not help.
        var keyPhrases = isTranslated ? [] : item.KeyPhrases.Select(DigestText.SingleLine).Where(p => p.Length > 0).ToList();
        var languageNote = !labelled ? "" : isTranslated ? labels.TranslatedFrom(itemLanguage) : labels.InLanguage(itemLanguage);
        var title = isTranslated && translation!.TryGetValue(TranslationUnit.TitleKey, out var translatedTitle) ? translatedTitle : item.DocumentTitle;
        var readOriginal = isTranslated ? labels.ReadOriginal(itemLanguage) : "";
        return new DigestItemView(
            DocumentId: item.DocumentId,
            Title: DigestText.SingleLine(title),
            // A feed item or fetched page is named by its original address, not by the blob name it was uploaded under.
            Source: DigestText.SingleLine(item.SourceUrl?.AbsoluteUri ?? item.SourceName),
            SourceUrl: item.SourceUrl?.AbsoluteUri ?? "",
            Lang: isTranslated ? HtmlLanguage(subscriber.Language, labels) : itemLanguage,
            LanguageNote: languageNote,
            LanguageSuffix: languageNote.Length == 0 ? "" : $" ({languageNote})",
            Sections: sections,
            KeyPhrases: keyPhrases,
            KeyPhrasesText: string.Join(", ", keyPhrases),
            Url: links.Document(subscriber.Id, item.DocumentId,
                item.Sentences.Select(s => new CitedRange(s.Start, s.Start + s.Length)), issuedAt),
            ReadOriginal: readOriginal,
            SourcePageLabel: isTranslated ? readOriginal : labels.SourcePageLabel);
    }

    /// <summary>The sentence between quotation marks, without the list it may announce, "…" after a clause cut from its sentence.</summary>
    private static string Quote(string text, bool isClause, DigestLabels labels) =>
        labels.Quote(CitedList.Split(text).Introduction, isClause ? " …" : "");

    /// <summary>The title cut for a reference back to it, without a colon or comma left dangling before the "…".</summary>
    private static string ShortTitle(string title)
    {
        var cut = DigestText.Truncate(title, ShortTitleLength);
        return cut.EndsWith('…') ? cut[..^1].TrimEnd(' ', '\u00A0', ':', ',', ';', '–', '-') + "…" : cut;
    }

    /// <summary>The subscriber's language tag when its labels exist, else the labels' own language.</summary>
    private static string HtmlLanguage(string language, DigestLabels labels)
    {
        var tag = DigestText.SingleLine(language);
        return DigestLabels.For(tag) == labels && tag.StartsWith(labels.Language, StringComparison.OrdinalIgnoreCase)
            ? tag
            : labels.Language;
    }

    /// <summary>The period's date in the subscriber's time zone (as given when the zone is unknown here).</summary>
    private static string LocalDate(DateTimeOffset period, Subscriber subscriber, CultureInfo culture)
    {
        var local = period;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(subscriber.TimeZone ?? "", out var zone))
        {
            local = TimeZoneInfo.ConvertTime(period, zone);
        }

        return local.ToString("D", culture);
    }

    private sealed record Templates(IFluidTemplate Html, IFluidTemplate Text, TemplateOptions Options)
    {
        public static Templates Load()
        {
            var options = new TemplateOptions
            {
                CultureInfo = CultureInfo.InvariantCulture,
                // A tag alone on its line leaves no blank line behind: the plain-text layout stays as written.
                Trimming = TrimmingFlags.TagLeft | TrimmingFlags.TagRight,
                Greedy = false,
                StrictVariables = true,
            };
            options.MemberAccessStrategy.Register<DigestView>();
            options.MemberAccessStrategy.Register<DigestBriefView>();
            options.MemberAccessStrategy.Register<DigestThemeView>();
            options.MemberAccessStrategy.Register<DigestItemView>();
            options.MemberAccessStrategy.Register<DigestSectionView>();
            options.MemberAccessStrategy.Register<DigestSentenceView>();

            // {{ value | wrap: "    " }}: wrapped at TextWidth, the first line after a prefix as wide as the indent.
            options.Filters.AddFilter("wrap", (input, arguments, _) =>
            {
                var indent = arguments.At(0).ToStringValue();
                return new StringValue(DigestText.Wrap(input.ToStringValue(), TextWidth, indent, DigestText.Width(indent)));
            });

            // {{ heading | underline: "=" }}: a line of that character as wide as the heading.
            options.Filters.AddFilter("underline", (input, arguments, _) =>
            {
                var character = arguments.At(0).ToStringValue();
                var width = DigestText.Width(input.ToStringValue());
                return new StringValue(string.Concat(Enumerable.Repeat(character.Length > 0 ? character : "-", width)));
            });

            var parser = new FluidParser();
            return new Templates(Parse(parser, "digest.html.liquid"), Parse(parser, "digest.txt.liquid"), options);
        }

        private static IFluidTemplate Parse(FluidParser parser, string name)
        {
            var resource = $"DigestPipeline.Core.Digests.Templates.{name}";
            using var stream = typeof(DigestComposer).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded template '{resource}' is missing.");
            using var reader = new StreamReader(stream);
            var source = reader.ReadToEnd();
            return parser.TryParse(source, out var template, out var error)
                ? template
                : throw new InvalidOperationException($"Template '{name}' does not parse: {error}");
        }
    }
}
