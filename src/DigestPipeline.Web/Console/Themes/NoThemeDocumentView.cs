namespace DigestPipeline.Web.Console.Themes;

/// <summary>A summarized document that matched no theme of the taxonomy, so that no subscriber receives it.</summary>
/// <param name="Url">Its console page.</param>
/// <param name="Cause">Why, most likely: no keywords in its language, or keywords there but too few matches.</param>
/// <param name="Discovered">The themes found in its own headings, if any, as a list.</param>
internal sealed record NoThemeDocumentView(string Id, string Url, string Title, string SourceName, string Language, string UpdatedAt, string Cause, string Discovered);
