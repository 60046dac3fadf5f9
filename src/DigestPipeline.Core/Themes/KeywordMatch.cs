namespace DigestPipeline.Core.Themes;

/// <summary>An occurrence of a theme keyword in a sentence: words <see cref="FirstWord"/>.. of the sentence's content words.</summary>
/// <param name="Start">Character offset of the first matched word in the document text.</param>
/// <param name="End">Character offset just after the last matched word.</param>
internal readonly record struct KeywordMatch(int Keyword, int Theme, int FirstWord, int WordCount, int Start, int End);
