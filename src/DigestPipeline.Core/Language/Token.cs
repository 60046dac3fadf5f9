namespace DigestPipeline.Core.Language;

/// <summary>A word of the text: where it is, its folded stem, and whether it is a stop word of the language.</summary>
/// <param name="StemId">The stem's number in its <see cref="StemmerCache"/> (<see cref="StemmedWord.StemId"/>).</param>
/// <param name="StemStartsWithDigit"><see cref="StemmedWord.StemStartsWithDigit"/>.</param>
internal readonly record struct Token(int Start, int Length, string Stem, bool IsStop, int StemId, bool StemStartsWithDigit)
{
    public int End => Start + Length;
}
