namespace DigestPipeline.Core.Summaries;

public sealed class SummarizerOptions
{
    public const string Section = "Summaries";

    /// <summary>Most sentences in one themed summary.</summary>
    public int MaxSentencesPerTheme { get; set; } = 3;

    /// <summary>Most themes kept for one document (declared and discovered together).</summary>
    public int MaxThemesPerDocument { get; set; } = 8;
}
