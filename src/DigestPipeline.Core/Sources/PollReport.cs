namespace DigestPipeline.Core.Sources;

/// <summary>What one poll of one source did: its new state, the items it uploaded, those that failed, and its cost.</summary>
public sealed record PollReport(FeedSource Source, int NewItems, int FailedItems, bool NotModified, string? Problem, int Requests, long BodyBytes);

/// <summary>What fetching one page gave: the upload's name and the document id it becomes, or why nothing was uploaded.</summary>
public sealed record PageImport(string? BlobName, string? DocumentId, string? Title, string? Problem);
