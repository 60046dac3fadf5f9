using System.Collections;

namespace DigestPipeline.Core.Tests.Summaries;

/// <summary>A read-only list that counts the items read from it (by index or enumeration): work counted, not timed.</summary>
internal sealed class CountingList<T>(IReadOnlyList<T> items) : IReadOnlyList<T>
{
    public long Reads { get; private set; }

    public int Count => items.Count;

    public T this[int index]
    {
        get
        {
            Reads++;
            return items[index];
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var item in items)
        {
            Reads++;
            yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
