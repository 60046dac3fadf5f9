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
}
