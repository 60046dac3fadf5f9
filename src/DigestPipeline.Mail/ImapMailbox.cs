using DigestPipeline.Core.Newsletters;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Mail;

/// <summary>
/// The newsletter mailbox over IMAP with MailKit: one connection per run, the folder's oldest messages read (their
/// size first, so that an oversize one is never downloaded), each moved with MOVE (or COPY and EXPUNGE, which MailKit
/// falls back on) once handled. Every connection, login and protocol failure is a <see cref="MailboxUnavailableException"/>:
/// transient for the handler, which retries at its next run. The password is sent to the server only, never logged.
/// </summary>
public sealed class ImapMailbox(IOptions<NewsletterOptions> options) : IMailbox
{
    public async Task<IMailboxSession> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new ImapClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, Security(settings.Security), cancellationToken);
            await client.AuthenticateAsync(settings.User!, settings.Password!, cancellationToken);
            var folder = await ImapFolders.FindAsync(client, settings.Folder, create: false, cancellationToken);
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
            return new ImapMailboxSession(client, folder, settings);
        }
        catch (Exception e) when (ImapFailure.IsTransient(e, cancellationToken))
        {
            client.Dispose();
            throw ImapFailure.Unavailable(settings, e);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions Security(MailboxSecurity security) => security switch
    {
        MailboxSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailboxSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };
}
