using System.Runtime.CompilerServices;

namespace DigestPipeline.Core.Language;

/// <summary>
/// A grow-only hash table from words of up to 16 ASCII or Latin-1 letters, packed into two <see cref="ulong"/> keys by
/// <see cref="PackedWordKey.TryPackLatin1Long"/>, to their <see cref="StemmedWord"/>: the fast path of
/// <see cref="StemmerCache"/>, which most words of a text take. A lookup reads one slot (keys and value), without
/// hashing or comparing characters.
/// Reads take no lock: a value and the high key are written before the low key that reaches them (never 0 for a
/// word), and growing builds a new table that replaces the old one at once, so a reader sees either table whole.
/// Writers take a lock.
/// </summary>
internal sealed class PackedWordTable
{
    /// <summary>Mixes the high key in before the multiplication (an odd constant: the golden ratio's).</summary>
    private const ulong HighMultiplier = 0x9E3779B97F4A7C15;

    /// <summary>Random per process, so that crafted words cannot crowd the probe sequences.</summary>
    private static readonly ulong Multiplier = (ulong)Random.Shared.NextInt64() | 1;

    private readonly Lock _gate = new();
    private Table _table = new(12);

    public int Count => Volatile.Read(ref _table).Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ulong key, ulong high, out StemmedWord value)
    {
        var table = Volatile.Read(ref _table);
        var keys = table.Keys;
        var mask = table.Values.Length - 1;
        for (var slot = table.SlotOf(key, high); ; slot = (slot + 1) & mask)
        {
            var found = Volatile.Read(ref keys[2 * slot]);
            if (found == key && keys[(2 * slot) + 1] == high)
            {
                value = table.Values[slot];
                return true;
            }

            if (found == 0)
            {
                value = default;
                return false;
            }
        }
    }

    /// <summary>Adds the word unless it is already there (another thread may have added it meanwhile).</summary>
    public void TryAdd(ulong key, ulong high, StemmedWord value)
    {
        lock (_gate)
        {
            if (TryGetValue(key, high, out _))
            {
                return;
            }

            var table = _table;
            if (4 * (table.Count + 1) > 3 * table.Values.Length)
            {
                table = table.Grown();
                Volatile.Write(ref _table, table);
            }

            table.Add(key, high, value);
        }
    }

    /// <summary>
    /// Open addressing with linear probing, at most three quarters full. The keys (low, high: 16 bytes a slot, low 0
    /// for an empty one) apart from the values, so that probing reads four slots per cache line and a lookup reads
    /// its value's line once: the table outgrows the core's cache on a real vocabulary, and the lookup was an eighth
    /// of the analysis when keys and values shared 32-byte slots.
    /// </summary>
    private sealed class Table(int bits)
    {
        public readonly ulong[] Keys = new ulong[2 << bits];
        public readonly StemmedWord[] Values = new StemmedWord[1 << bits];
        public int Count;

        public int SlotOf(ulong key, ulong high) => (int)(((key ^ (high * HighMultiplier)) * Multiplier) >> (64 - bits));

        public void Add(ulong key, ulong high, StemmedWord value)
        {
            var mask = Values.Length - 1;
            var slot = SlotOf(key, high);
            while (Keys[2 * slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            Values[slot] = value;
            Keys[(2 * slot) + 1] = high;
            Count++;
            Volatile.Write(ref Keys[2 * slot], key);
        }

        public Table Grown()
        {
            var grown = new Table(bits + 1);
            for (var slot = 0; slot < Values.Length; slot++)
            {
                if (Keys[2 * slot] != 0)
                {
                    grown.Add(Keys[2 * slot], Keys[(2 * slot) + 1], Values[slot]);
                }
            }

            return grown;
        }
    }
}
