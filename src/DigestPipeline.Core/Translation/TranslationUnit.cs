using System.Globalization;

namespace DigestPipeline.Core.Translation;

/// <summary>
/// One piece of a document to translate (its title, a section heading, a cited sentence), under a key that names its
/// place in the document: the same piece is the same key for every subscriber, so it is translated once.
/// </summary>
public sealed record TranslationUnit(string Key, string Text)
{
    public const string TitleKey = "title";

    /// <summary>A sentence by its place, start and length: a sentence cut to its main clause is another piece than the whole one.</summary>
    public static string SentenceKey(int start, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"{start}:{length}");

    public static string HeadingKey(int sectionIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"h{sectionIndex}");
}
