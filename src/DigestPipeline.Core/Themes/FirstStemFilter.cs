namespace DigestPipeline.Core.Themes;

/// <summary>
/// A bit set that rules out, without a dictionary lookup, the text stems that start no keyword (most of them).
/// A stem can only match a keyword's first stem (<see cref="KeywordIndex.StemsMatch"/>) when both have the same
/// key: their first <see cref="KeywordIndex.MinPrefix"/> characters, or the whole stem when it is shorter. A clear
/// bit means no keyword has the key; a set bit may be a collision, and the index then looks the stem up.
/// </summary>
internal sealed class FirstStemFilter
{
    private const int Bits = 1 << 16;

    private readonly ulong[] _bits = new ulong[Bits / 64];

    public void Add(string keywordFirstStem)
    {
        var bit = Hash(keywordFirstStem);
        _bits[bit >> 6] |= 1UL << (bit & 63);
    }

    public bool MayMatch(string stem)
    {
        var bit = Hash(stem);
        return (_bits[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    private static int Hash(string stem)
    {
        var key = stem.AsSpan(0, Math.Min(stem.Length, KeywordIndex.MinPrefix));
        var hash = (uint)key.Length;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 0x9E3779B1;
        }

        return (int)(hash >> 16);
    }
}
