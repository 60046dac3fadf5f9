namespace DigestPipeline.Core.Documents;

public sealed class DocumentReaderOptions
{
    public const string Section = "Documents";

    /// <summary>Uploads larger than this are rejected before they are read.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}
