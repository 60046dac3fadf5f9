using System.Runtime.CompilerServices;

namespace DigestPipeline.Core.Language;

/// <summary>
/// A short word packed into a <see cref="ulong"/>, lower-cased, one byte per character: a hash key that needs no
/// hashing of characters nor string comparison (most words of a text are short). The language detector's keys take
/// ASCII words only (<see cref="TryPack"/>); the stem cache's also take the Latin-1 letters (<see cref="TryPackLatin1Long"/>),
/// so that French, Spanish, German… words with accents take its fast path too.
/// </summary>
internal static class PackedWordKey
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

    /// <summary>
    /// A character as the stem cache's keys pack it: ASCII lower-cased, and the Latin-1 letters <c>À</c> to <c>ÿ</c>
    /// lower-cased as <see cref="char.ToLowerInvariant"/> does (<c>É</c> → <c>é</c>; <c>ß</c> and <c>ÿ</c> are their
    /// own); 0 for any other character (NUL, <c>×</c>, <c>÷</c>, anything past U+00FF), whose word is not packed. One
    /// character per byte and one byte per lower-case character, so two words share keys only when they lower-case
    /// alike, and their cached stem is the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Latin1Byte(char c) => c switch
    {
        < (char)0x80 => char.IsAsciiLetterUpper(c) ? (ulong)(c | 0x20) : c,
        >= 'À' and <= 'Þ' and not '×' => (ulong)c + 0x20,
        >= 'ß' and <= 'ÿ' and not '÷' => c,
        _ => 0,
    };

    /// <summary>
    /// <see cref="TryPackLong"/> for words of ASCII and Latin-1 letters (<see cref="Latin1Byte"/>): the keys of the
    /// stem cache's table, the same as <see cref="TryPackLong"/>'s for an ASCII word.
    /// </summary>
    public static bool TryPackLatin1Long(ReadOnlySpan<char> word, out ulong low, out ulong high)
    {
        low = high = 0;
        if (word.IsEmpty || word.Length > MaxLongLength)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            var packed = Latin1Byte(word[i]);
            if (packed == 0)
            {
                low = high = 0;
                return false;
            }

            if (i < MaxLength)
            {
                low |= packed << (8 * i);
            }
            else
            {
                high |= packed << (8 * (i - MaxLength));
            }
        }

        return true;
    }
}
