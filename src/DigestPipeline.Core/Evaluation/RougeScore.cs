namespace DigestPipeline.Core.Evaluation;

/// <summary>Precision, recall and F1 of one ROUGE measure for one summary, each in [0, 1].</summary>
public readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    public static RougeScore FromOverlap(int overlap, int predicted, int reference)
    {
        if (overlap == 0 || predicted == 0 || reference == 0)
        {
            return default;
        }

        var precision = (double)overlap / predicted;
        var recall = (double)overlap / reference;
        return new RougeScore(precision, recall, 2 * precision * recall / (precision + recall));
    }
}
