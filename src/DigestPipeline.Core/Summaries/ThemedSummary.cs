namespace DigestPipeline.Core.Summaries;

/// <summary>The summary of one document for one theme, sentences in document order.</summary>
/// <param name="Labels">Label per language; a discovered theme carries its source-language label under every key it has.</param>
/// <param name="Discovered">True when the theme comes from the document itself (a heading or key phrases), not the taxonomy.</param>
public sealed record ThemedSummary(
    string ThemeId,
    IReadOnlyDictionary<string, string> Labels,
    bool Discovered,
    double Score,
    IReadOnlyList<SummarySentence> Sentences,
    IReadOnlyList<string> KeyPhrases)
{
    public string Label(string language) =>
        Labels.TryGetValue(language, out var label) ? label
        : Labels.TryGetValue("en", out var english) ? english
        : Labels.Values.FirstOrDefault() ?? ThemeId;
}
