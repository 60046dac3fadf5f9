namespace DigestPipeline.Core.Documents;

/// <summary>An upload that cannot become a document. The reason is shown to operators and stored with the quarantined blob.</summary>
public sealed class DocumentRejectedException(RejectionReason reason, string message) : Exception(message)
{
    public RejectionReason Reason { get; } = reason;
}

public enum RejectionReason
{
    Empty,
    TooLarge,
    Binary,
    UnsupportedType,
    NoText,

    /// <summary>A PDF or DOCX its parser cannot read (truncated, damaged, or carrying a DTD).</summary>
    Malformed,

    /// <summary>A password-protected (encrypted) PDF.</summary>
    Encrypted,

    /// <summary>A PDF with more pages than <see cref="DocumentReaderOptions.MaxPdfPages"/>.</summary>
    TooManyPages,

    /// <summary>
    /// A DOCX whose ZIP package would expand past the caps (a zip bomb), or a DOCX, PDF or HTML document whose text
    /// runs past <see cref="DocumentReaderOptions.MaxBlocks"/> or <see cref="DocumentReaderOptions.MaxCharacters"/>.
    /// </summary>
    ExpandsTooMuch,

    /// <summary>A blob name that could address another path (see <see cref="UploadName"/>); the blob is left where it is.</summary>
    UnsafeName,

    /// <summary>Reading took longer than <see cref="DocumentReaderOptions.MaxReadTime"/>.</summary>
    TimedOut,
}
