namespace DigestPipeline.Core.Language;

/// <summary>A word of the text: where it is, its folded stem, and whether it is a stop word of the language.</summary>
/// <param name="StemId">The stem's number (<see cref="StemTable"/>): the token carries it rather than the stem's
/// string, so that it is 16 bytes (a document holds one per content word).</param>
/// <param name="StemStartsWithDigit"><see cref="StemmedWord.StemStartsWithDigit"/>.</param>
internal readonly record struct Token(int Start, int Length, int StemId, bool IsStop, bool StemStartsWithDigit)
{
    public int End => Start + Length;

    /// <summary>The folded stem (interned), read back by its number.</summary>
    public string Stem => StemTable.Shared.Stem(StemId);
}
