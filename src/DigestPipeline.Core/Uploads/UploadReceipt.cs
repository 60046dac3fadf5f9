namespace DigestPipeline.Core.Uploads;

/// <summary>
/// What the API knows of an upload from the moment it accepted it: its id (the one the client polls), the blob it
/// wrote and that blob's version. The document id exists only once ingest has read the upload; the upload's mark
/// (<see cref="Documents.IUploadStore.GetUploadMarkAsync"/>) then names the record, whatever the outcome.
/// </summary>
/// <param name="Caller">Who uploaded it: an API key's public id or an Entra principal, never a secret.</param>
public sealed record UploadReceipt(string Id, string FileName, string BlobName, string ETag, Uri? SourceUrl, DateTimeOffset ReceivedAt, string Caller);
