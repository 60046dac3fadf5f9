using System.Text.Json;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Localization;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Web.Pages;

/// <summary>
/// The landing page's sample digest: an excerpt of what the demo sends on <c>seeds/documents</c>
/// (<c>Pages/landing-sample.json</c>), one item per page language (English for any other), framed by the digest's own
/// words (<see cref="DigestLabels"/>) and the theme's label from the taxonomy.
/// </summary>
/// <remarks>
/// A static excerpt rather than a digest rendered by the email templates: the email's markup needs inline styles
/// (mail clients ignore stylesheets), which the pages' policy does not allow, and a frame of it would need a route and
/// a policy of its own in both hosts. The excerpt uses the same classes of the pages' stylesheet as the digest's colours.
/// </remarks>
internal static class LandingSample
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<Dictionary<string, Excerpt>> Excerpts = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static SampleView For(CultureText text, ThemeTaxonomy taxonomy)
    {
        var excerpts = Excerpts.Value;
        if (!excerpts.TryGetValue(text.Language, out var excerpt) && !excerpts.TryGetValue("en", out excerpt))
            throw new InvalidOperationException("landing-sample.json has no \"en\" excerpt, the one any other language falls back to.");
        var labels = DigestLabels.For(text.Language);
        var theme = taxonomy.Find(excerpt.ThemeId)?.Label(text.Language) ?? excerpt.ThemeId;
        return new SampleView(
            labels.Language,
            theme,
            labels.ItemCount(1),
            excerpt.Title,
            excerpt.Language,
            labels.SourceLabel,
            excerpt.Source,
            labels.SectionLabel,
            excerpt.Section,
            excerpt.Sentences.Select(s => labels.Quote(s)).ToList(),
            labels.KeyPhrasesLabel,
            excerpt.KeyPhrases);
    }

    private static Dictionary<string, Excerpt> Load()
    {
        const string resource = "DigestPipeline.Web.Pages.landing-sample.json";
        using var stream = typeof(LandingSample).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object)
            .ToDictionary(p => p.Name, p => p.Value.Deserialize<Excerpt>(Json)!, StringComparer.Ordinal);
    }

    private sealed record Excerpt(string ThemeId, string Title, string Source, string Language, string Section, IReadOnlyList<string> Sentences, IReadOnlyList<string> KeyPhrases);
}
