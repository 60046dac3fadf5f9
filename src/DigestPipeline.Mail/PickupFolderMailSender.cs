using System.Security.Cryptography;
using System.Text;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestPipeline.Mail;

/// <summary>
/// "Sends" digests into a folder: <c>{message-id}.eml</c> (the full MIME message, which any mail client opens)
/// and <c>{message-id}.html</c> (the HTML body, for a quick look in a browser). Used when no SMTP server is set.
/// </summary>
/// <remarks>
/// Each file is written to a temporary name and renamed over the final one, so a reader never sees half a
/// message, and sending the same digest again (same Message-ID) replaces it: one file per message.
/// </remarks>
public sealed class PickupFolderMailSender(IOptions<MailOptions> options, ILogger<PickupFolderMailSender> logger) : IMailSender
{
    private const int MaxNameLength = 120;

    /// <summary>The folder, as an absolute path.</summary>
    public string Directory { get; } = Path.GetFullPath(options.Value.PickupDirectory);

    public async Task SendAsync(EmailMessage email, CancellationToken cancellationToken)
    {
        using var message = MimeEmail.Create(email);
        System.IO.Directory.CreateDirectory(Directory);

        var name = FileNameFor(email.MessageId);
        var emlPath = Path.Combine(Directory, name + ".eml");
        await WriteAtomicallyAsync(emlPath, stream => message.WriteToAsync(stream, cancellationToken), cancellationToken).ConfigureAwait(false);
        await WriteAtomicallyAsync(Path.Combine(Directory, name + ".html"),
            stream => stream.WriteAsync(Encoding.UTF8.GetBytes(email.HtmlBody), cancellationToken).AsTask(),
            cancellationToken).ConfigureAwait(false);

        logger.LogInformation("Digest {MessageId} written to {Path}", email.MessageId, emlPath);
    }

    /// <summary>
    /// A file name (without extension) from a Message-ID: letters, digits and <c>. _ - + @</c> kept, anything
    /// else (path separators included) replaced by <c>_</c>; when anything had to change or the name is long, a
    /// short hash of the original keeps distinct ids apart.
    /// </summary>
    public static string FileNameFor(string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var builder = new StringBuilder(messageId.Length);
        foreach (var c in messageId)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '@' ? c : '_');
        }

        var name = builder.ToString().Trim('.');
        if (name == messageId && name.Length <= MaxNameLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)).AsSpan(0, 4));
        if (name.Length > MaxNameLength)
        {
            name = name[..MaxNameLength];
        }

        return $"{name}-{hash}";
    }

    private static async Task WriteAtomicallyAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
