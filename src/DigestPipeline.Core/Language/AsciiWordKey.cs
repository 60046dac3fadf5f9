namespace DigestPipeline.Core.Language;

/// <summary>
/// A short ASCII word packed into a <see cref="ulong"/>, lower-cased, one byte per character: a hash key that
/// needs no hashing of characters nor string comparison (most words of a text are short and ASCII).
/// </summary>
internal static class AsciiWordKey
{
    public const int MaxLength = sizeof(ulong);

    /// <summary>
    /// Packs a word of 1 to <see cref="MaxLength"/> ASCII characters; false for longer or non-ASCII words. The key
    /// is never 0: words hold no NUL, so each length gives its own keys.
    /// </summary>
    public static bool TryPack(ReadOnlySpan<char> word, out ulong key)
    {
        key = 0;
        if (word.IsEmpty || word.Length > MaxLength)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c is >= (char)0x80 or '\0')
            {
                key = 0;
                return false;
            }

            key |= (ulong)(char.IsAsciiLetterUpper(c) ? c | 0x20 : c) << (8 * i);
        }

        return true;
    }

    /// <summary>Words of <see cref="MaxLength"/> + 1 to twice as many ASCII characters, in two keys.</summary>
    public const int MaxLongLength = 2 * MaxLength;

    /// <summary>
    /// Packs a word of 1 to <see cref="MaxLongLength"/> ASCII characters: its first <see cref="MaxLength"/> into
    /// <paramref name="low"/> as <see cref="TryPack"/> does, the rest into <paramref name="high"/> (0 for a short
    /// word). Words of 9 to 16 letters ("government", "announcement") are common in English and French prose.
    /// </summary>
    public static bool TryPackLong(ReadOnlySpan<char> word, out ulong low, out ulong high)
    {
        high = 0;
        if (word.Length <= MaxLength)
        {
            return TryPack(word, out low);
        }

        if (word.Length > MaxLongLength || !TryPack(word[..MaxLength], out low) || !TryPack(word[MaxLength..], out high))
        {
            low = high = 0;
            return false;
        }

        return true;
    }
}
