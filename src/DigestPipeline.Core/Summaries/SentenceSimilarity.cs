using System.Buffers;
using DigestPipeline.Core.Language;
using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// TF-IDF vectors of a document's sentences over their stems, and the cosine similarity between two sentences:
/// the measure behind centrality (LexRank) and near-duplicate removal (MMR). Terms are numbered in order of first
/// occurrence so that sums run in the same order on every run (deterministic scores). The vectors are stored
/// sparse, one slice of a shared array per sentence, terms in increasing order.
/// </summary>
internal sealed class SentenceSimilarity
{
    /// <summary>A stem in more than this share of the sentences is common in the document, not a key of one theme.</summary>
    private const double CommonShare = 0.2;

    /// <summary>The most pairs the thread's scratch list keeps room for between graphs.</summary>
    private const int MaxScratchPairs = 1 << 16;

    /// <summary>The longest list of term numbers sorted by insertion.</summary>
    private const int MaxInsertionSort = 32;

    [ThreadStatic]
    private static long t_pairsScored;

    [ThreadStatic]
    private static List<int>? t_touched;

    [ThreadStatic]
    private static List<(int A, int B, double Weight)>? t_pairs;

    private readonly int[] _offsets;
    private readonly int[] _terms;
    private readonly double[] _weights;
    private readonly StemmerCache _stems;

    /// <summary>
    /// The numbers (in <see cref="_stems"/>) of the stems common in the document, in increasing order: found while the
    /// terms are counted, since key phrases ask about a few hundred stems per theme and only a handful are common (a
    /// lookup by stem number sorted every term of the document, a fifth of the key phrases' time).
    /// </summary>
    private readonly int[] _commonStemIds;
    private readonly int _termCount;
    private readonly int _sentenceCount;

    private SentenceSimilarity(int[] offsets, int[] terms, double[] weights, StemmerCache stems, int[] commonStemIds, int termCount)
    {
        _offsets = offsets;
        _terms = terms;
        _weights = weights;
        _stems = stems;
        _commonStemIds = commonStemIds;
        _termCount = termCount;
        _sentenceCount = offsets.Length - 1;
    }

    /// <summary>
    /// Sentence pairs whose similarity was computed on this thread so far (<see cref="Cosine"/> calls and the pairs
    /// of the graphs built): lets tests check that the work grows linearly with long documents.
    /// </summary>
    internal static long PairsScoredOnThisThread => t_pairsScored;

    /// <summary>True when the stem occurs in more than a fifth of the document's sentences (<c>IA</c> in an article on AI).</summary>
    public bool IsCommon(string stem) => IsCommon(_stems.FindStemId(stem));

    /// <summary><see cref="IsCommon(string)"/> for a stem known by its number in the document's stem cache.</summary>
    public bool IsCommon(int stemId) => stemId >= 0 && Array.BinarySearch(_commonStemIds, stemId) >= 0;

    public static SentenceSimilarity Build(AnalyzedDocument document)
    {
        var sentences = document.Sentences;
        var wordCount = 0;
        foreach (var sentence in sentences)
        {
            wordCount += sentence.Words.Length;
        }

        // Pass 1: number the terms, and each sentence's distinct terms in increasing order with their counts. A term's
        // number is found from its stem's number through a small table of the document's own stems (StemTerms),
        // rather than by hashing the stem: the same numbers, in order of first occurrence.
        var termOf = new StemTerms();

        // The document has at most as many terms as words: each term's stem number and document frequency in a
        // pooled array of that size, rather than lists grown term by term.
        var termCount = 0;
        var termsBuffer = ArrayPool<int>.Shared.Rent(2 * wordCount);
        var stemIds = termsBuffer.AsSpan(0, wordCount);
        var documentFrequency = termsBuffer.AsSpan(wordCount, wordCount);
        documentFrequency.Clear();
        var offsets = new int[sentences.Count + 1];
        var terms = new int[wordCount];
        var countsBuffer = ArrayPool<int>.Shared.Rent(wordCount);
        var counts = countsBuffer.AsSpan(0, wordCount);
        var entries = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = sentences[s].Words;
            var sentenceTerms = terms.AsSpan(entries, words.Length);
            for (var w = 0; w < words.Length; w++)
            {
                var stemId = words[w].StemId;
                ref var id = ref termOf.Find(stemId, out var found);
                if (!found)
                {
                    id = termCount;
                    stemIds[termCount++] = stemId;
                }

                sentenceTerms[w] = id;
            }

            SortTerms(sentenceTerms);
            var distinct = 0;
            for (var w = 0; w < sentenceTerms.Length; w++)
            {
                if (distinct > 0 && sentenceTerms[distinct - 1] == sentenceTerms[w])
                {
                    counts[entries + distinct - 1]++;
                    continue;
                }

                sentenceTerms[distinct] = sentenceTerms[w];
                counts[entries + distinct] = 1;
                documentFrequency[sentenceTerms[w]]++;
                distinct++;
            }

            entries += distinct;
            offsets[s + 1] = entries;
        }

        termOf.Dispose();

        // Pass 2: TF-IDF weights, normalised per sentence.
        var total = Math.Max(1, sentences.Count);
        var idfBuffer = ArrayPool<double>.Shared.Rent(termCount);
        var idf = idfBuffer.AsSpan(0, termCount);

        // The IDF depends on the term only through its document frequency, a small number shared by most terms (1 for
        // most of them): one Log call per distinct frequency rather than per term, the same values.
        var byFrequencyBuffer = ArrayPool<double>.Shared.Rent(total + 1);
        var idfByFrequency = byFrequencyBuffer.AsSpan(0, total + 1);
        idfByFrequency.Fill(double.NaN);
        for (var t = 0; t < idf.Length; t++)
        {
            ref var known = ref idfByFrequency[documentFrequency[t]];
            if (double.IsNaN(known))
            {
                known = Math.Log(1.0 + ((double)total / documentFrequency[t]));
            }

            idf[t] = known;
        }

        ArrayPool<double>.Shared.Return(byFrequencyBuffer);

        var weights = new double[entries];
        for (var s = 0; s < sentences.Count; s++)
        {
            var norm = 0.0;
            for (var e = offsets[s]; e < offsets[s + 1]; e++)
            {
                // Most terms occur once in their sentence: 1 + log 1 is exactly 1, without calling Log.
                var weight = counts[e] == 1 ? idf[terms[e]] : (1.0 + Math.Log(counts[e])) * idf[terms[e]];
                weights[e] = weight;
                norm += weight * weight;
            }

            norm = Math.Sqrt(norm);
            for (var e = offsets[s]; e < offsets[s + 1] && norm > 0; e++)
            {
                weights[e] /= norm;
            }
        }

        ArrayPool<int>.Shared.Return(countsBuffer);
        ArrayPool<double>.Shared.Return(idfBuffer);

        // The terms stay in the array sized for every word: sentences read their slices through the offsets.
        var commonStemIds = CommonStemIds(sentences.Count, stemIds[..termCount], documentFrequency[..termCount]);
        ArrayPool<int>.Shared.Return(termsBuffer);
        return new SentenceSimilarity(offsets, terms, weights, document.Stems, commonStemIds, termCount);
    }

    /// <summary>
    /// TextRank's similarity (Mihalcea and Tarau, 2004): the stems two sentences share, over the sum of the logs of
    /// their numbers of stems (0 when either has fewer than 2). Unlike the cosine, it lets long sentences gather
    /// more weight.
    /// </summary>
    public double Overlap(int a, int b) => OverlapOf(Shared(a, b), TermCount(a), TermCount(b));

    /// <summary>Number of distinct stems two sentences share.</summary>
    public int Shared(int a, int b)
    {
        var ta = Terms(a);
        var tb = Terms(b);
        var shared = 0;
        int i = 0, j = 0;
        while (i < ta.Length && j < tb.Length)
        {
            if (ta[i] == tb[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (ta[i] < tb[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    /// <summary>Cosine similarity of two sentences' TF-IDF vectors, in [0, 1].</summary>
    public double Cosine(int a, int b)
    {
        t_pairsScored++;
        var ta = Terms(a);
        var tb = Terms(b);
        var wa = Weights(a);
        var wb = Weights(b);
        var sum = 0.0;
        int i = 0, j = 0;
        while (i < ta.Length && j < tb.Length)
        {
            if (ta[i] == tb[j])
            {
                sum += wa[i++] * wb[j++];
            }
            else if (ta[i] < tb[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Math.Clamp(sum, 0, 1);
    }

    /// <summary>
    /// The similarity graph of the given sentences: the same values as <see cref="Cosine"/> (or
    /// <see cref="Overlap"/>) for every pair, but only the pairs that share a term are visited (through an inverted
    /// index of their terms), and only those with a weight are kept.
    /// </summary>
    public SimilarityGraph Graph(ReadOnlySpan<int> sentences, SimilarityMeasure measure = SimilarityMeasure.Cosine)
    {
        var n = sentences.Length;

        // The inverted index: (term, node) entries sorted by term then node, so that a term's nodes are contiguous
        // and each node's entries come in increasing term order, as Cosine visits them.
        var entryCount = 0;
        foreach (var sentence in sentences)
        {
            entryCount += _offsets[sentence + 1] - _offsets[sentence];
        }

        // The temporaries come from the pool (and scratch lists from the thread): one graph per theme and document
        // made them a tenth of the analysis's allocations.
        var pool = ArrayPool<long>.Shared;
        var postingsBuffer = pool.Rent(entryCount);
        var postings = postingsBuffer.AsSpan(0, entryCount);
        var termCount = _termCount;
        if (termCount <= 4 * entryCount)
        {
            // A counting sort by term: nodes are visited in increasing order, so each term's run comes out sorted by
            // node, the same order as sorting the packed (term, node) values, in linear time.
            var cursorBuffer = ArrayPool<int>.Shared.Rent(termCount + 1);
            var cursor = cursorBuffer.AsSpan(0, termCount + 1);
            cursor.Clear();
            foreach (var sentence in sentences)
            {
                foreach (var term in Terms(sentence))
                {
                    cursor[term + 1]++;
                }
            }

            for (var t = 0; t < termCount; t++)
            {
                cursor[t + 1] += cursor[t];
            }

            for (var node = 0; node < n; node++)
            {
                foreach (var term in Terms(sentences[node]))
                {
                    postings[cursor[term]++] = ((long)term << 32) | (uint)node;
                }
            }

            ArrayPool<int>.Shared.Return(cursorBuffer);
        }
        else
        {
            var p = 0;
            for (var node = 0; node < n; node++)
            {
                foreach (var term in Terms(sentences[node]))
                {
                    postings[p++] = ((long)term << 32) | (uint)node;
                }
            }

            postings.Sort();
        }

        // For each node, where its entries are in the postings (increasing term order), and where each term's run ends.
        var nodeEntryStartsBuffer = ArrayPool<int>.Shared.Rent(n + 1);
        var nodeEntryStarts = nodeEntryStartsBuffer.AsSpan(0, n + 1);
        nodeEntryStarts.Clear();
        foreach (var posting in postings)
        {
            nodeEntryStarts[(int)posting + 1]++;
        }

        for (var node = 0; node < n; node++)
        {
            nodeEntryStarts[node + 1] += nodeEntryStarts[node];
        }

        var nodeEntriesBuffer = ArrayPool<int>.Shared.Rent(entryCount);
        var nodeEntries = nodeEntriesBuffer.AsSpan(0, entryCount);
        // A copy: the next free place among each node's entries.
        var filledBuffer = ArrayPool<int>.Shared.Rent(n);
        var filled = filledBuffer.AsSpan(0, n);
        nodeEntryStarts[..n].CopyTo(filled);
        var runEndsBuffer = ArrayPool<int>.Shared.Rent(entryCount);
        var runEnds = runEndsBuffer.AsSpan(0, entryCount);
        var weightOfBuffer = ArrayPool<double>.Shared.Rent(entryCount);
        var weightOf = weightOfBuffer.AsSpan(0, entryCount);
        for (var e = 0; e < entryCount;)
        {
            var term = (int)(postings[e] >> 32);
            var end = e + 1;
            while (end < entryCount && (int)(postings[end] >> 32) == term)
            {
                end++;
            }

            for (var k = e; k < end; k++)
            {
                // A node's entries are met in increasing term order, as its terms are stored: the j-th is its j-th term.
                var node = (int)postings[k];
                weightOf[k] = Weights(sentences[node])[filled[node] - nodeEntryStarts[node]];
                nodeEntries[filled[node]++] = k;
                runEnds[k] = end;
            }

            e = end;
        }

        // Upper triangle, row by row: the dot products with the later nodes that share a term, summed in term order.
        var dotBuffer = ArrayPool<double>.Shared.Rent(n);
        var dot = dotBuffer.AsSpan(0, n);
        dot.Clear();
        var sharedBuffer = ArrayPool<int>.Shared.Rent(n);
        var shared = sharedBuffer.AsSpan(0, n);
        shared.Clear();
        var touchedByBuffer = ArrayPool<int>.Shared.Rent(n);
        var touchedBy = touchedByBuffer.AsSpan(0, n);
        touchedBy.Clear();
        var touched = t_touched ??= [];
        touched.Clear();
        var pairs = t_pairs ??= [];
        pairs.Clear();
        var degreeBuffer = ArrayPool<int>.Shared.Rent(n);
        var degree = degreeBuffer.AsSpan(0, n);
        degree.Clear();
        for (var a = 0; a < n; a++)
        {
            for (var i = nodeEntryStarts[a]; i < nodeEntryStarts[a + 1]; i++)
            {
                var k = nodeEntries[i];
                var wa = weightOf[k];
                for (var other = k + 1; other < runEnds[k]; other++)
                {
                    var b = (int)postings[other];
                    if (touchedBy[b] != a + 1)
                    {
                        touchedBy[b] = a + 1;
                        touched.Add(b);
                    }

                    dot[b] += wa * weightOf[other];
                    shared[b]++;
                }
            }

            if (touched.Count * 4 < n - a - 1)
            {
                touched.Sort();
            }
            else
            {
                // Most later nodes were touched: listing them in order is cheaper than sorting the list.
                touched.Clear();
                for (var b = a + 1; b < n; b++)
                {
                    if (touchedBy[b] == a + 1)
                    {
                        touched.Add(b);
                    }
                }
            }

            foreach (var b in touched)
            {
                var weight = measure == SimilarityMeasure.Cosine
                    ? Math.Clamp(dot[b], 0, 1)
                    : OverlapOf(shared[b], TermCount(sentences[a]), TermCount(sentences[b]));
                if (weight > 0)
                {
                    pairs.Add((a, b, weight));
                    degree[a]++;
                    degree[b]++;
                }

                dot[b] = 0;
                shared[b] = 0;
            }

            touched.Clear();
        }

        t_pairsScored += pairs.Count;
        pool.Return(postingsBuffer);
        ArrayPool<int>.Shared.Return(nodeEntriesBuffer);
        ArrayPool<int>.Shared.Return(runEndsBuffer);
        ArrayPool<double>.Shared.Return(weightOfBuffer);
        ArrayPool<double>.Shared.Return(dotBuffer);
        ArrayPool<int>.Shared.Return(sharedBuffer);
        ArrayPool<int>.Shared.Return(touchedByBuffer);
        ArrayPool<int>.Shared.Return(nodeEntryStartsBuffer);
        ArrayPool<int>.Shared.Return(filledBuffer);

        // Both directions; rows are filled in increasing order of the first node, so each row ends up sorted.
        var offsets = ArrayPool<int>.Shared.Rent(n + 1);
        offsets[0] = 0;
        for (var node = 0; node < n; node++)
        {
            offsets[node + 1] = offsets[node] + degree[node];
        }

        // The cursors: each node's next free place in its row.
        var next = degree;
        offsets.AsSpan(0, n).CopyTo(next);
        var neighbours = ArrayPool<int>.Shared.Rent(offsets[n]);
        var weights = ArrayPool<double>.Shared.Rent(offsets[n]);
        foreach (var (a, b, weight) in pairs)
        {
            neighbours[next[a]] = b;
            weights[next[a]++] = weight;
            neighbours[next[b]] = a;
            weights[next[b]++] = weight;
        }

        ArrayPool<int>.Shared.Return(degreeBuffer);

        if (pairs.Capacity > MaxScratchPairs)
        {
            // A long report's pairs are not kept alive for the thread's next document.
            t_pairs = null;
        }

        return new SimilarityGraph(offsets, neighbours, weights, n);
    }

    /// <summary>
    /// The stems (by number, increasing) in more than <see cref="CommonShare"/> of the sentences; none in a document of
    /// fewer than 10 sentences, where a share says little.
    /// </summary>
    private static int[] CommonStemIds(int sentenceCount, ReadOnlySpan<int> stemIds, ReadOnlySpan<int> documentFrequency)
    {
        if (sentenceCount < 10)
        {
            return [];
        }

        var common = new List<int>();
        for (var t = 0; t < documentFrequency.Length; t++)
        {
            if (documentFrequency[t] > CommonShare * sentenceCount)
            {
                common.Add(stemIds[t]);
            }
        }

        common.Sort();
        return [.. common];
    }

    /// <summary>
    /// Sorts a sentence's term numbers: by insertion when the sentence is short, as most are (a dozen content words),
    /// where the general sort's set-up cost more than the sorting.
    /// </summary>
    private static void SortTerms(Span<int> terms)
    {
        if (terms.Length > MaxInsertionSort)
        {
            terms.Sort();
            return;
        }

        for (var i = 1; i < terms.Length; i++)
        {
            var term = terms[i];
            var j = i - 1;
            for (; j >= 0 && terms[j] > term; j--)
            {
                terms[j + 1] = terms[j];
            }

            terms[j + 1] = term;
        }
    }

    private static double OverlapOf(int shared, int termsA, int termsB) =>
        termsA < 2 || termsB < 2 ? 0 : shared / (Math.Log(termsA) + Math.Log(termsB));

    private int TermCount(int sentence) => _offsets[sentence + 1] - _offsets[sentence];

    private ReadOnlySpan<int> Terms(int sentence) => _terms.AsSpan(_offsets[sentence], _offsets[sentence + 1] - _offsets[sentence]);

    private ReadOnlySpan<double> Weights(int sentence) => _weights.AsSpan(_offsets[sentence], _offsets[sentence + 1] - _offsets[sentence]);
    /// <summary>
    /// <paramref name="sentence"/>'s vector spread over the document's term numbers, to take its cosine with many
    /// sentences (MMR compares each selected sentence with every candidate left): a merge of two sorted term lists
    /// per pair branched on every term, and was a twentieth of the analysis. Dispose it to hand the array back.
    /// </summary>
    public CosineRow RowOf(int sentence) => new(this, sentence);

    /// <summary>See <see cref="RowOf"/>.</summary>
    internal ref struct CosineRow
    {
        private readonly SentenceSimilarity _owner;
        private readonly ReadOnlySpan<int> _terms;
        private double[]? _spread;

        public CosineRow(SentenceSimilarity owner, int sentence)
        {
            _owner = owner;
            _terms = owner.Terms(sentence);
            _spread = ArrayPool<double>.Shared.Rent(owner._termCount);
            Array.Clear(_spread, 0, owner._termCount);
            var weights = owner.Weights(sentence);
            for (var i = 0; i < _terms.Length; i++)
            {
                _spread[_terms[i]] = weights[i];
            }
        }

        /// <summary>
        /// <see cref="Cosine"/>(sentence, <paramref name="other"/>), the same value: the same products, added in the
        /// same increasing term order. A term the sentence lacks reads 0 and adds +0, which leaves any sum as it was.
        /// </summary>
        public readonly double With(int other)
        {
            t_pairsScored++;
            var spread = _spread!;
            var terms = _owner.Terms(other);
            var weights = _owner.Weights(other);
            var sum = 0.0;
            for (var j = 0; j < terms.Length; j++)
            {
                sum += spread[terms[j]] * weights[j];
            }

            return Math.Clamp(sum, 0, 1);
        }

        public void Dispose()
        {
            if (_spread is not null)
            {
                ArrayPool<double>.Shared.Return(_spread);
                _spread = null;
            }
        }
    }
}
