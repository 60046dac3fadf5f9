using System.Numerics;
using DigestPipeline.Core.Documents;

namespace DigestPipeline.Core.Themes;

/// <summary>
/// A grow-only hash table from short ASCII words, packed into a <see cref="ulong"/> by <see cref="AsciiWordKey"/>, to
/// their <see cref="StemmedWord"/>: the fast path of <see cref="StemmerCache"/>, which most words of a text take.
/// A lookup reads one key slot and its value, without hashing or comparing characters.
/// Reads take no lock: a value is written before the key that reaches it, and growing builds a new table that
/// replaces the old one at once, so a reader sees either table whole. Writers take a lock.
/// </summary>
internal sealed class PackedWordTable
{
    /// <summary>Random per process, so that crafted words cannot crowd the probe sequences.</summary>
    private static readonly ulong Multiplier = (ulong)Random.Shared.NextInt64() | 1;

    private readonly Lock _gate = new();
    private Table _table = new(12);

    public int Count => Volatile.Read(ref _table).Count;

    public bool TryGetValue(ulong key, out StemmedWord value)
    {
        var table = Volatile.Read(ref _table);
        var keys = table.Keys;
        var mask = keys.Length - 1;
        for (var slot = table.Slot(key); ; slot = (slot + 1) & mask)
        {
            var found = Volatile.Read(ref keys[slot]);
            if (found == key)
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
    public void TryAdd(ulong key, StemmedWord value)
    {
        lock (_gate)
        {
            if (TryGetValue(key, out _))
            {
                return;
            }

            var table = _table;
            if (2 * (table.Count + 1) > table.Keys.Length)
            {
                table = table.Grown();
                Volatile.Write(ref _table, table);
            }

            table.Add(key, value);
        }
    }

    /// <summary>Open addressing with linear probing, at most half full; key 0 marks an empty slot.</summary>
    private sealed class Table(int bits)
    {
        public readonly ulong[] Keys = new ulong[1 << bits];
        public readonly StemmedWord[] Values = new StemmedWord[1 << bits];
        public int Count;

        public int Slot(ulong key) => (int)((key * Multiplier) >> (64 - bits));

        public void Add(ulong key, StemmedWord value)
        {
            var mask = Keys.Length - 1;
            var slot = Slot(key);
            while (Keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            Values[slot] = value;
            Count++;
            Volatile.Write(ref Keys[slot], key);
        }

        public Table Grown()
        {
            var grown = new Table(BitOperations.Log2((uint)Keys.Length) + 1);
            for (var slot = 0; slot < Keys.Length; slot++)
            {
                if (Keys[slot] != 0)
                {
                    grown.Add(Keys[slot], Values[slot]);
                }
            }

            return grown;
        }
    }
}
