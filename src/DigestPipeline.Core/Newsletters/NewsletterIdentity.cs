using System.Security.Cryptography;
using System.Text;
using DigestPipeline.Core.Sources;

namespace DigestPipeline.Core.Newsletters;

/// <summary>
/// Who a message is: its Message-ID, else (a message without one) its sender, date and subject. Hashed like a feed
/// item's identity into the document id and the upload's name, so reading the message again (a crash between its
/// upload and its move) writes the same blob with the same bytes: no new version, no second document.
/// </summary>
public static class NewsletterIdentity
{
    public static string Of(MailboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.IsNullOrWhiteSpace(message.MessageId)
            ? $"mail:{message.FromAddress?.ToLowerInvariant()}\u001f{message.Date?.ToUniversalTime():O}\u001f{message.Subject}"
            : "mail:" + message.MessageId.Trim().Trim('<', '>');
    }

    public static string Hash(string identity) => ItemIdentity.Hash(identity);

    /// <summary>The upload of the message's text.</summary>
    public static string BlobName(string hash) => $"mail/{hash}.html";

    /// <summary>
    /// An attachment's upload: under its message's hash and its place, by its own name (the extension tells ingest its
    /// reader, and the name without it is the document's title when the file has none of its own).
    /// </summary>
    public static string AttachmentBlobName(string hash, int index, string fileName) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"mail/{hash}/{index}/{SafeName(fileName)}");

    /// <summary>An attachment's document id: its message's identity, its place and its bytes, so a changed file is another document.</summary>
    public static string AttachmentHash(string identity, int index, byte[] content) =>
        ItemIdentity.Hash($"{identity}\u001fattachment\u001f{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}\u001f{Convert.ToHexStringLower(SHA256.HashData(content))}");

    /// <summary>
    /// Letters, digits, spaces, '.', '-' and '_' kept, anything else a '-' (a blob name is a path, and a file name is the
    /// sender's to choose: no '/', no '..'); at most 100 characters, the extension kept. Spaces stay so that the name
    /// ingest makes a title of reads as the sender wrote it.
    /// </summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName ?? "");
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '-');
        var safe = builder.ToString().Trim('.', '-', ' ');
        if (safe.Length == 0)
            safe = "attachment";
        if (safe.Length > 100)
        {
            var extension = Path.GetExtension(safe);
            safe = safe[..(100 - Math.Min(extension.Length, 20))] + extension[..Math.Min(extension.Length, 20)];
        }

        return safe;
    }
}
