namespace DigestPipeline.Core.Uploads;

/// <summary>One file of an API request: what the client said of it; its bytes come as a stream beside it.</summary>
/// <param name="FileName">As the client named it (folders are dropped).</param>
/// <param name="DeclaredLength">The Content-Length when the client gave one: a body declared past the cap is refused before it is read.</param>
/// <param name="Caller">Who sends it (an API key's public id, an Entra principal), for the receipt and the logs.</param>
public sealed record UploadRequest(string? FileName, string? ContentType, Uri? SourceUrl, long? DeclaredLength, string Caller);
