using DigestPipeline.Core.Themes;

namespace DigestPipeline.Core.Summaries;

/// <summary>
/// TF-IDF vectors of a document's sentences over their stems, and the cosine similarity between two sentences:
/// the measure behind centrality (LexRank) and near-duplicate removal (MMR). Terms are numbered in order of first
/// occurrence so that sums run in the same order on every run (deterministic scores).
/// </summary>
internal sealed class SentenceSimilarity
{
    /// <summary>A stem in more than this share of the sentences is common in the document, not a key of one theme.</summary>
    private const double CommonShare = 0.2;

    private readonly int[][] _terms;
    private readonly double[][] _weights;
    private readonly Dictionary<string, int> _ids;
    private readonly List<int> _documentFrequency;
    private readonly int _sentenceCount;

    private SentenceSimilarity(int[][] terms, double[][] weights, Dictionary<string, int> ids, List<int> documentFrequency, int sentenceCount)
    {
        _terms = terms;
        _weights = weights;
        _ids = ids;
        _documentFrequency = documentFrequency;
        _sentenceCount = sentenceCount;
    }

    /// <summary>True when the stem occurs in more than a fifth of the document's sentences (<c>IA</c> in an article on AI).</summary>
    public bool IsCommon(string stem) =>
        _sentenceCount >= 10 && _ids.TryGetValue(stem, out var id) && _documentFrequency[id] > CommonShare * _sentenceCount;

    public static SentenceSimilarity Build(AnalyzedDocument document)
    {
        var sentences = document.Sentences;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<Dictionary<int, int>>(sentences.Count);
        var documentFrequency = new List<int>();
        foreach (var sentence in sentences)
        {
            var tf = new Dictionary<int, int>();
            foreach (var word in sentence.Words)
            {
                if (!ids.TryGetValue(word.Stem, out var id))
                {
                    id = ids.Count;
                    ids[word.Stem] = id;
                    documentFrequency.Add(0);
                }

                if (tf.TryGetValue(id, out var n))
                {
                    tf[id] = n + 1;
                }
                else
                {
                    tf[id] = 1;
                    documentFrequency[id]++;
                }
            }

            counts.Add(tf);
        }

        var total = Math.Max(1, sentences.Count);
        var terms = new int[sentences.Count][];
        var weights = new double[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var entries = counts[s].OrderBy(e => e.Key).ToArray();
            terms[s] = new int[entries.Length];
            weights[s] = new double[entries.Length];
            var norm = 0.0;
            for (var e = 0; e < entries.Length; e++)
            {
                var idf = Math.Log(1.0 + ((double)total / documentFrequency[entries[e].Key]));
                var weight = (1.0 + Math.Log(entries[e].Value)) * idf;
                terms[s][e] = entries[e].Key;
                weights[s][e] = weight;
                norm += weight * weight;
            }

            norm = Math.Sqrt(norm);
            for (var e = 0; e < entries.Length && norm > 0; e++)
            {
                weights[s][e] /= norm;
            }
        }

        return new SentenceSimilarity(terms, weights, ids, documentFrequency, sentences.Count);
    }

    /// <summary>
    /// TextRank's similarity (Mihalcea and Tarau, 2004): the stems two sentences share, over the sum of the logs of
    /// their lengths in content words. Unlike the cosine, it lets long sentences gather more weight.
    /// </summary>
    public double Overlap(int a, int b)
    {
        var ta = _terms[a];
        var tb = _terms[b];
        if (ta.Length < 2 || tb.Length < 2)
        {
            return 0;
        }

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

        return shared / (Math.Log(ta.Length) + Math.Log(tb.Length));
    }

    /// <summary>Number of distinct stems two sentences share.</summary>
    public int Shared(int a, int b)
    {
        var ta = _terms[a];
        var tb = _terms[b];
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
        var ta = _terms[a];
        var tb = _terms[b];
        var wa = _weights[a];
        var wb = _weights[b];
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
}
