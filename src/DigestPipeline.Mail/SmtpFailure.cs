using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;

namespace DigestPipeline.Mail;

/// <summary>What an SMTP failure means for the message: try again, count a bounce, or give up here.</summary>
public enum SmtpFailureKind
{
    /// <summary>4xx reply, lost connection, timeout: the same message may well go through on another attempt.</summary>
    Transient,

    /// <summary>5xx on RCPT TO: the server will never accept this recipient (a bounce).</summary>
    RecipientRejected,

    /// <summary>Anything else (5xx on MAIL FROM or DATA, authentication, TLS, a bug): retrying here would not help.</summary>
    Permanent,
}

public static class SmtpFailure
{
    public static SmtpFailureKind Classify(Exception exception) => exception switch
    {
        SmtpCommandException { StatusCode: >= (SmtpStatusCode)400 and < (SmtpStatusCode)500 } => SmtpFailureKind.Transient,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted, StatusCode: >= (SmtpStatusCode)500 } => SmtpFailureKind.RecipientRejected,
        SmtpCommandException => SmtpFailureKind.Permanent,
        // MailKit reports a connection closed by the server as SmtpProtocolException, socket errors as
        // IOException (SocketException while connecting) and its command timeout as TimeoutException.
        SmtpProtocolException or IOException or SocketException or TimeoutException or ServiceNotConnectedException => SmtpFailureKind.Transient,
        _ => SmtpFailureKind.Permanent,
    };

    /// <summary>421: the server is closing the connection (RFC 5321 §3.8), so it cannot be reused.</summary>
    public static bool ClosesConnection(SmtpCommandException exception) => exception.StatusCode == SmtpStatusCode.ServiceNotAvailable;
}
