namespace DigestPipeline.Core.Language;

/// <summary>A word of the text: where it is, its folded stem, and whether it is a stop word of the language.</summary>
internal readonly record struct Token(int Start, int Length, string Stem, bool IsStop)
{
    public int End => Start + Length;
}
