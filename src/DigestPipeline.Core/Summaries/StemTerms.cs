using System.Buffers;
using System.Numerics;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// A document's term numbers by stem number, while <see cref="SentenceSimilarity"/> numbers them: open addressing over
/// the document's own stems, a few kilobytes that stay in the core's cache. An array indexed by stem number (as many
/// entries as the language's vocabulary, tens of thousands) cost a cache miss for most words of a document.
/// </summary>
internal ref struct StemTerms
{
    /// <summary>Slots of a new table: a news article's few hundred stems fit without growing.</summary>
    private const int InitialSize = 1024;

    private int[] _keys;
    private int[] _terms;
    private int _size;
    private int _count;

    public StemTerms()
    {
        (_keys, _terms) = Rent(InitialSize);
        _size = InitialSize;
    }

    /// <summary>The stem's term number, to be set by the caller when <paramref name="found"/> is false.</summary>
    public ref int Find(int stemId, out bool found)
    {
        // Keys are stem numbers + 1, so that 0 marks an empty slot.
        var key = stemId + 1;
        var slot = Slot(key, _size);
        while (_keys[slot] != 0)
        {
            if (_keys[slot] == key)
            {
                found = true;
                return ref _terms[slot];
            }

            slot = (slot + 1) & (_size - 1);
        }

        found = false;
        if (4 * (_count + 1) > 3 * _size)
        {
            Grow();
            slot = Slot(key, _size);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & (_size - 1);
            }
        }

        _count++;
        _keys[slot] = key;
        return ref _terms[slot];
    }

    public readonly void Dispose()
    {
        ArrayPool<int>.Shared.Return(_keys);
        ArrayPool<int>.Shared.Return(_terms);
    }

    /// <summary>Fibonacci hashing: consecutive stem numbers land far apart.</summary>
    private static int Slot(int key, int size) => (int)(((uint)key * 0x9E3779B9u) >> (32 - BitOperations.Log2((uint)size)));

    private static (int[] Keys, int[] Terms) Rent(int size)
    {
        var keys = ArrayPool<int>.Shared.Rent(size);
        keys.AsSpan(0, size).Clear();
        return (keys, ArrayPool<int>.Shared.Rent(size));
    }

    private void Grow()
    {
        var (keys, terms) = Rent(2 * _size);
        for (var old = 0; old < _size; old++)
        {
            if (_keys[old] == 0)
            {
                continue;
            }

            var slot = Slot(_keys[old], 2 * _size);
            while (keys[slot] != 0)
            {
                slot = (slot + 1) & ((2 * _size) - 1);
            }

            keys[slot] = _keys[old];
            terms[slot] = _terms[old];
        }

        Dispose();
        (_keys, _terms, _size) = (keys, terms, 2 * _size);
    }
}
