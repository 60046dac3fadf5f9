namespace DigestPipeline.Web.Console.Upload;

/// <summary>The upload page: the form with what it takes, then, after a plain POST, each file's outcome.</summary>
/// <param name="Formats">The formats ingest reads, in words (<see cref="Core.Documents.DocumentReader.AcceptedFormats"/>).</param>
/// <param name="MaxFileSize"><c>Documents:MaxBytes</c> in words ("10 MB"); <paramref name="MaxBytes"/> the same in bytes, for the script.</param>
/// <param name="RequestSize">What the host takes in one request, in words; empty when it does not say (the plain form sends every file in one).</param>
/// <param name="Summary">"2 of 3 files accepted" after a POST; empty on the blank form.</param>
/// <param name="Problem">Why nothing was taken (no file chosen, the request too large); empty otherwise.</param>
internal sealed record UploadFormView(
    string Formats,
    string MaxFileSize,
    long MaxBytes,
    int MaxFiles,
    string RequestSize,
    IReadOnlyList<UploadOutcomeView> Outcomes,
    string Summary,
    string Problem);
