using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DigestPipeline.Core.Language;

/// <summary>
/// A run of ASCII letters and digits (most words of English or French prose) measured and packed
/// <see cref="Width"/> characters at a time with vector instructions: the tokenizer's key for the stem table
/// (<see cref="PackedWordKey.TryPackLong"/>) without a loop that tests and shifts in one character at a time.
/// </summary>
internal static class AsciiWordRun
{
    /// <summary>Characters read at once: two vectors of 8, the 16 characters that two keys hold.</summary>
    public const int Width = PackedWordKey.MaxLongLength;

    /// <summary>
    /// The length of the run of ASCII letters and digits at <paramref name="start"/>, ending at
    /// <paramref name="end"/> at the latest, with its characters packed as <see cref="PackedWordKey.TryPackLong"/> packs
    /// them (letters lower-cased; the first 8 in <paramref name="low"/>, the next 8 in <paramref name="high"/>); -1 when
    /// the text has fewer than <see cref="Width"/> characters from <paramref name="start"/> or the run reaches
    /// <see cref="Width"/> characters before <paramref name="end"/> (the caller then reads it one character at a time).
    /// </summary>
    /// <remarks>Inlined into the tokenizer's loop: called once per word, its keys then stay in registers.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Measure(string text, int start, int end, out ulong low, out ulong high)
    {
        low = high = 0;
        if (start + Width > text.Length)
        {
            return -1;
        }

        var chars = MemoryMarshal.Cast<char, ushort>(text.AsSpan(start, Width));
        var first = Vector128.Create(chars[..8]);
        var second = Vector128.Create(chars[8..]);
        var words = WordMask(first) | (WordMask(second) << 8);
        var run = Math.Min(BitOperations.TrailingZeroCount(~words), end - start);
        if (run >= Width)
        {
            return -1;
        }

        // Lower case: the case bit set on letters only (a digit's is set already; a character past the run is masked off).
        var bytes = Vector128.Narrow(Lower(first), Lower(second)).AsUInt64();
        low = bytes.ToScalar();
        high = bytes.GetElement(1);
        if (run < PackedWordKey.MaxLength)
        {
            low &= (1UL << (8 * run)) - 1;
            high = 0;
        }
        else if (run < Width)
        {
            high &= run == PackedWordKey.MaxLength ? 0 : (1UL << (8 * (run - PackedWordKey.MaxLength))) - 1;
        }

        return run;
    }

    /// <summary>One bit per character: an ASCII letter or digit.</summary>
    private static uint WordMask(Vector128<ushort> chars)
    {
        var letter = Vector128.LessThan((chars | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
        var digit = Vector128.LessThan(chars - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
        return (letter | digit).ExtractMostSignificantBits();
    }

    /// <summary>Upper-case ASCII letters lower-cased, every other character as it is.</summary>
    private static Vector128<ushort> Lower(Vector128<ushort> chars)
    {
        var upper = Vector128.LessThan(chars - Vector128.Create((ushort)'A'), Vector128.Create((ushort)26));
        return chars | (upper & Vector128.Create((ushort)0x20));
    }
}
