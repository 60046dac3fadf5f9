namespace DigestPipeline.Core.Documents;

/// <summary>
/// Chooses the sentences a document too long to be considered whole is summarized from: exactly the cap, spread
/// over every section, never the first ones only (a report whose subject comes late must still get its theme).
/// </summary>
internal static class SentenceSampler
{
    /// <summary>
    /// <paramref name="max"/> of the sentences, in document order, each section getting an equal quota (a section
    /// with fewer sentences than the quota keeps them all and leaves the rest to the others), its chosen sentences
    /// evenly spaced from its first one, the heading. When there are more sections than <paramref name="max"/>, one
    /// sentence of every k-th section. Linear in the number of sentences (and of sections).
    /// </summary>
    /// <param name="sentences">The document's sentences in order; each section's sentences are contiguous.</param>
    public static List<Sentence> Spread(IReadOnlyList<Sentence> sentences, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (sentences.Count <= max)
        {
            return [.. sentences];
        }

        // Each run of sentences of one section, in document order.
        var runStarts = new List<int>();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (i == 0 || sentences[i].SectionIndex != sentences[i - 1].SectionIndex)
            {
                runStarts.Add(i);
            }
        }

        runStarts.Add(sentences.Count);
        var runs = runStarts.Count - 1;
        var sizes = new int[runs];
        var largest = 0;
        for (var r = 0; r < runs; r++)
        {
            sizes[r] = runStarts[r + 1] - runStarts[r];
            largest = Math.Max(largest, sizes[r]);
        }

        var quotas = Quotas(sizes, largest, max);
        var sample = new List<Sentence>(max);
        for (var r = 0; r < runs; r++)
        {
            // Evenly spaced, from the run's first sentence: floor(j × size / quota) are distinct while quota ≤ size.
            for (var j = 0; j < quotas[r]; j++)
            {
                sample.Add(sentences[runStarts[r] + (int)((long)j * sizes[r] / quotas[r])]);
            }
        }

        return sample;
    }

    /// <summary>
    /// Max-min fair shares of <paramref name="max"/> (less than the sum of the sizes): the largest quota q with
    /// Σ min(size, q) ≤ max, then one more for as many of the runs larger than q as the remainder allows, evenly
    /// spaced among them so that the remainder does not all go to the first sections.
    /// </summary>
    private static int[] Quotas(int[] sizes, int largest, int max)
    {
        int low = 0, high = largest;
        while (low < high)
        {
            var mid = low + ((high - low + 1) / 2);
            if (Taken(sizes, mid) <= max)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        var quotas = new int[sizes.Length];
        var over = new List<int>();
        for (var r = 0; r < sizes.Length; r++)
        {
            quotas[r] = Math.Min(sizes[r], low);
            if (sizes[r] > low)
            {
                over.Add(r);
            }
        }

        var remainder = max - Taken(sizes, low);
        for (var k = 0; k < remainder; k++)
        {
            quotas[over[(int)((long)k * over.Count / remainder)]]++;
        }

        return quotas;
    }

    private static long Taken(int[] sizes, int quota)
    {
        var taken = 0L;
        foreach (var size in sizes)
        {
            taken += Math.Min(size, quota);
        }

        return taken;
    }
}
