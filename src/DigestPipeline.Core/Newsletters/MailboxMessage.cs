namespace DigestPipeline.Core.Newsletters;

/// <summary>
/// One message as the mailbox adapter read it: its headers, its HTML and text bodies, its attachments.
/// </summary>
/// <param name="Uid">The server's id of the message in its folder (to move it).</param>
/// <param name="MessageId">The Message-ID header, which names the message's documents; null when it has none.</param>
/// <param name="Size">The message's size on the server, in bytes.</param>
/// <param name="Oversize">Larger than allowed: only its headers were read.</param>
public sealed record MailboxMessage(
    string Uid,
    string? MessageId,
    string? FromAddress,
    string? FromName,
    string? Subject,
    DateTimeOffset? Date,
    long Size,
    bool Oversize,
    string? Html,
    string? Text,
    IReadOnlyList<MailAttachment> Attachments);

/// <summary>A part of a message marked as an attachment (inline images of the HTML are not).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
