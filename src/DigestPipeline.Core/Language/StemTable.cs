using System.Collections.Concurrent;

namespace DigestPipeline.Core.Language;

/// <summary>
/// Every stem met, numbered from 0 in the order met, whatever its language: the analysis indexes arrays by a stem's
/// number where it would otherwise hash its characters (term numbering, keyword lookups, phrase keys), and a
/// <see cref="Token"/> or <see cref="StemmedWord"/> carries the number only, its stem read back from here: a token is
/// then 16 bytes instead of 24, and the stem cache's values 8 instead of 24 (they miss the core's cache on rare
/// words). Grows with the stems met, as the interned stems do; thread-safe, and reads take no lock.
/// </summary>
internal sealed class StemTable
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>By number; replaced whole when it grows, so that a reader sees a table with every number handed out so far.</summary>
    private string[] _stems = new string[1024];
    private int _count;

    /// <summary>The process's table, which every <see cref="StemmerCache"/> numbers its stems in.</summary>
    public static StemTable Shared { get; } = new();

    /// <summary>The stem's number, given it now when it has none.</summary>
    public int IdOf(string stem)
    {
        if (_ids.TryGetValue(stem, out var id))
        {
            return id;
        }

        lock (_gate)
        {
            if (_ids.TryGetValue(stem, out id))
            {
                return id;
            }

            id = _count;
            var stems = _stems;
            if (id == stems.Length)
            {
                Array.Resize(ref stems, 2 * stems.Length);
                Volatile.Write(ref _stems, stems);
            }

            // The stem is in the table before its number is handed out, so that whoever holds the number can read it.
            stems[id] = stem;
            _count = id + 1;
            _ids[stem] = id;
            return id;
        }
    }

    /// <summary>The stem's number, or -1 for a stem never met.</summary>
    public int Find(string stem) => _ids.TryGetValue(stem, out var id) ? id : -1;

    /// <summary>The stem numbered <paramref name="id"/> (a number <see cref="IdOf"/> gave).</summary>
    public string Stem(int id) => Volatile.Read(ref _stems)[id];
}
