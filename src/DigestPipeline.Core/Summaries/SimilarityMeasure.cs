namespace DigestPipeline.Core.Summaries;

/// <summary>The edge weight of a <see cref="SimilarityGraph"/>.</summary>
internal enum SimilarityMeasure
{
    /// <summary><see cref="SentenceSimilarity.Cosine"/>: TF-IDF cosine, in [0, 1].</summary>
    Cosine,

    /// <summary><see cref="SentenceSimilarity.Overlap"/>: TextRank's shared stems over log lengths.</summary>
    Overlap,
}
