using MailKit;
using MailKit.Net.Imap;

namespace DigestPipeline.Mail;

/// <summary>Finds a folder by its '/'-separated path, whatever the server's own separator ('.' for dovecot's maildir), creating the missing levels when asked.</summary>
internal static class ImapFolders
{
    public static async Task<IMailFolder> FindAsync(ImapClient client, string path, bool create, CancellationToken cancellationToken)
    {
        var levels = path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (levels.Length == 1 && levels[0].Equals("INBOX", StringComparison.OrdinalIgnoreCase))
            return client.Inbox;
        var folder = client.GetFolder(client.PersonalNamespaces[0]) ?? throw new FolderNotFoundException(path);
        foreach (var level in levels)
        {
            try
            {
                folder = await folder.GetSubfolderAsync(level, cancellationToken) ?? throw new FolderNotFoundException(path);
            }
            catch (FolderNotFoundException) when (create)
            {
                folder = await folder.CreateAsync(level, isMessageFolder: true, cancellationToken) ?? throw new FolderNotFoundException(path);
            }
        }

        return folder;
    }
}
