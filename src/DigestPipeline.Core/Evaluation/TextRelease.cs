namespace DigestPipeline.Core.Evaluation;

/// <summary>How an evaluation set's texts are given to the engine.</summary>
public enum TextRelease
{
    /// <summary>As the set has them.</summary>
    Original,

    /// <summary>
    /// As the usual CNN/DailyMail release has them: lower-cased, PTB-tokenized (<see cref="PtbTokens"/>), one sentence
    /// a line, no paragraphs (<see cref="LowercasedLinesRelease"/>).
    /// </summary>
    LowercasedLines,
}
