using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DigestPipeline.Core.Language;

/// <summary>
/// A run of ASCII letters (a word of English or French prose, mostly) measured and lower-cased
/// <see cref="Width"/> characters at a time with vector instructions, instead of one character at a time: the
/// language detector reads every character of a document, and its per-character loop, which could not know where a
/// word ends before reaching it, was most of its time.
/// </summary>
internal static class AsciiLetterRun
{
    /// <summary>Characters read at once: two vectors of 8.</summary>
    public const int Width = 16;

    /// <summary>
    /// The length of the run of ASCII letters at <paramref name="start"/> (at least 1 when the text has a letter there),
    /// with its characters lower-cased into <paramref name="lowerInto"/> (at least <see cref="Width"/> long; only the
    /// run's characters mean anything) and its first 8 packed as <see cref="PackedWordKey"/> does; -1 when the text has
    /// fewer than <see cref="Width"/> characters from <paramref name="start"/> or the run is at least that long (the
    /// caller then reads it one character at a time).
    /// </summary>
    public static int Measure(ReadOnlySpan<char> text, int start, Span<char> lowerInto, out ulong packed)
    {
        packed = 0;
        if (start + Width > text.Length)
        {
            return -1;
        }

        var chars = MemoryMarshal.Cast<char, ushort>(text.Slice(start, Width));
        var caseBit = Vector128.Create((ushort)0x20);
        var first = Vector128.Create(chars[..8]) | caseBit;
        var second = Vector128.Create(chars[8..]) | caseBit;

        // A letter is 'a'–'z' once its case bit is set (no other character maps there: all of them are below 0x80).
        var a = Vector128.Create((ushort)'a');
        var alphabet = Vector128.Create((ushort)26);
        var letters = Vector128.LessThan(first - a, alphabet).ExtractMostSignificantBits()
            | (Vector128.LessThan(second - a, alphabet).ExtractMostSignificantBits() << 8);
        var run = BitOperations.TrailingZeroCount(~letters);
        if (run >= Width)
        {
            return -1;
        }

        var into = MemoryMarshal.Cast<char, ushort>(lowerInto);
        first.CopyTo(into);
        second.CopyTo(into[8..]);
        var bytes = Vector128.Narrow(first, second).AsUInt64().ToScalar();
        packed = run >= PackedWordKey.MaxLength ? bytes : bytes & ((1UL << (8 * run)) - 1);
        return run;
    }
}
