namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// An upload arrived (a blob version was created among the uploads): what ingest needs to take it, and what is
/// published again for an upload that was never ingested. On the wire it is a BlobCreated event (the Azure edge
/// reads and writes it); here it is only the upload.
/// </summary>
/// <param name="BlobName">The upload's name, as given: checked by ingest before it addresses any blob.</param>
/// <param name="ETag">The upload's version, when the event names it.</param>
/// <param name="Url">The upload's address, as the event gives it.</param>
/// <param name="Length">Its size in bytes, as the event gives it.</param>
/// <param name="ContentType">Its declared content type, if any (ingest reads the format from the bytes).</param>
/// <param name="At">When the upload was seen (the event's time).</param>
public sealed record UploadArrived(string BlobName, string? ETag, string Url, long Length, string? ContentType, DateTimeOffset At);
