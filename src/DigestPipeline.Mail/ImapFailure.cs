using System.Globalization;
using System.Net.Sockets;
using DigestPipeline.Core.Newsletters;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace DigestPipeline.Mail;

/// <summary>Which failures of MailKit are the mailbox being unreachable (for now), and how they are told.</summary>
internal static class ImapFailure
{
    public static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // MailKit's own timeout
        SocketException or IOException or TimeoutException or AuthenticationException or System.Security.Authentication.AuthenticationException or SslHandshakeException => true,
        ImapProtocolException or ImapCommandException or ServiceNotConnectedException or ServiceNotAuthenticatedException => true,
        FolderNotFoundException or FolderNotOpenException => true,
        _ => false,
    };

    public static MailboxUnavailableException Unavailable(NewsletterOptions settings, Exception e) =>
        new(string.Create(CultureInfo.InvariantCulture, $"IMAP {settings.Host}:{settings.Port}: {Describe(e)}"), e);

    private static string Describe(Exception e) => e switch
    {
        AuthenticationException => "the login was refused (check Newsletters:User and Newsletters:Password)",
        FolderNotFoundException f => $"no folder '{f.FolderName}'",
        SocketException s => s.SocketErrorCode.ToString(),
        OperationCanceledException => "timed out",
        _ => e.Message,
    };
}
