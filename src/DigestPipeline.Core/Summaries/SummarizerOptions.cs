namespace DigestPipeline.Core.Summaries;

public sealed class SummarizerOptions
{
    public const string Section = "Summaries";

    /// <summary>Most sentences in one themed summary.</summary>
    public int MaxSentencesPerTheme { get; set; } = 3;

    /// <summary>Most words in one themed summary, all its sentences together; none when null.</summary>
    public int? MaxWordsPerTheme { get; set; }

    /// <summary>Most themes kept for one document (declared and discovered together).</summary>
    public int MaxThemesPerDocument { get; set; } = 8;

    /// <summary>
    /// Evidence a declared theme needs in a document to be kept: one keyword in body text gives 1 (a phrase more),
    /// in the standfirst 1.5, the title 2, a section heading 3; a keyword met again in the document counts a quarter.
    /// </summary>
    public double MinThemeEvidence { get; set; } = 3.0;
}
