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
}
