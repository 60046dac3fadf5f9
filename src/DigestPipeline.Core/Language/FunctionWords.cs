using System.Collections.Frozen;

namespace DigestPipeline.Core.Language;

/// <summary>
/// A language's function words (its Lucene stop list, <see cref="LuceneStopSets"/>), looked up in any case. The
/// sentence splitter reads a capitalised function word (The, Les, Die) after a dotted acronym as the start of a
/// new sentence, and a capitalised content word (Army, Eastern) as the rest of a name.
/// </summary>
internal sealed class FunctionWords
{
    private static readonly Dictionary<string, FunctionWords> ByLanguage = LanguageDetector.Languages
        .ToDictionary(language => language, language => new FunctionWords(language), StringComparer.Ordinal);

    private static readonly FunctionWords None = new(LanguageDetector.Unknown);

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;

    private FunctionWords(string language) =>
        _words = (LuceneStopSets.For(language)?.Select(entry => entry.ToString()!) ?? [])
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    public static FunctionWords For(string language) => ByLanguage.GetValueOrDefault(language, None);

    public bool Contains(ReadOnlySpan<char> word) => _words.Contains(word);
}
