namespace DigestPipeline.Core.Documents;

/// <summary>The status row of one document (or, for a rejected upload, of one blob) in the Documents table.</summary>
public sealed record DocumentRecord(
    string Id,
    string SourceName,
    DocumentStatus Status,
    DateTimeOffset UpdatedAt,
    string? Language = null,
    string? Title = null,
    string? Reason = null,
    IReadOnlyList<string>? Themes = null);
