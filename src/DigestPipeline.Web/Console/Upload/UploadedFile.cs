namespace DigestPipeline.Web.Console.Upload;

/// <summary>One file of a console upload: what the browser said of it, and its bytes.</summary>
/// <param name="Length">Known when the frame read the form whole (<see cref="UploadedFiles"/>): a file past the cap is then refused unread.</param>
internal sealed record UploadedFile(string? Name, string? ContentType, long? Length, Stream Content);
