using System.Numerics;

namespace DigestPipeline.Core.Language;

/// <summary>
/// A fixed set of short ASCII words, packed by <see cref="PackedWordKey"/>, each with a byte of flags: open
/// addressing at most a quarter full, so a lookup reads one or two slots of a small array.
/// </summary>
internal sealed class PackedWordMasks
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    private readonly ulong[] _keys;
    private readonly byte[] _masks;
    private readonly int _shift;

    public PackedWordMasks(IReadOnlyCollection<KeyValuePair<ulong, byte>> words)
    {
        var bits = Math.Max(4, BitOperations.Log2((uint)words.Count) + 3);
        _keys = new ulong[1 << bits];
        _masks = new byte[1 << bits];
        _shift = 64 - bits;
        foreach (var (key, mask) in words)
        {
            ArgumentOutOfRangeException.ThrowIfZero(key);
            var slot = Slot(key);
            while (_keys[slot] != 0 && _keys[slot] != key)
            {
                slot = (slot + 1) & (_keys.Length - 1);
            }

            _keys[slot] = key;
            _masks[slot] = mask;
        }
    }

    /// <summary>The word's flags; 0 when it is not in the set.</summary>
    public byte Get(ulong key)
    {
        var keys = _keys;
        for (var slot = Slot(key); ; slot = (slot + 1) & (keys.Length - 1))
        {
            // One test for "found or absent" (nearly always true at the first slot), then the mask or 0 without a
            // branch: whether a word of running text is in the set is a coin toss the processor cannot predict.
            var found = keys[slot];
            var hit = found == key;
            if (hit | found == 0)
            {
                var mask = _masks[slot];
                return hit ? mask : (byte)0;
            }
        }
    }

    private int Slot(ulong key) => (int)((key * Multiplier) >> _shift);
}
