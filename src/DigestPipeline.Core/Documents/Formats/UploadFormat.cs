namespace DigestPipeline.Core.Documents.Formats;

/// <summary>The formats an upload may have: the allow-list of <see cref="ContentSniffer"/>.</summary>
internal enum UploadFormat
{
    PlainText,
    Markdown,
    Html,
    Pdf,
    Docx,
}
