using System.Text;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using MimeKit;

namespace DigestPipeline.Mail;

/// <summary>
/// Builds the MIME message of an email (a digest, a sign-up mail): multipart/alternative (text/plain, then
/// text/html, both UTF-8), From and To with display names, Subject, Date, Message-ID, the extra headers, and when
/// the email has an unsubscribe URL <c>List-Unsubscribe: &lt;url&gt;</c> (RFC 2369) with
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058).
/// </summary>
/// <remarks>
/// A header value with CR or LF in it is refused with <see cref="ArgumentException"/>, never repaired: it means
/// that something upstream let a line break through, and a repaired header could still say something unintended.
/// </remarks>
public static class MimeEmail
{
    /// <summary>Headers this builder writes itself; an email may not set them through its extra headers.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Bcc", "Sender", "Reply-To", "Subject", "Date", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Return-Path", ListUnsubscribe, ListUnsubscribePost,
    };

    public const string ListUnsubscribe = "List-Unsubscribe";
    public const string ListUnsubscribePost = "List-Unsubscribe-Post";

    /// <summary>The only value RFC 8058 defines: the URL of List-Unsubscribe accepts a one-click POST.</summary>
    public const string OneClick = "List-Unsubscribe=One-Click";

    public static MimeMessage Create(EmailMessage email)
    {
        ArgumentNullException.ThrowIfNull(email);
        EnsureSingleLine(email.Subject, "Subject");
        EnsureSingleLine(email.MessageId, "Message-ID");
        if (string.IsNullOrWhiteSpace(email.MessageId) || email.MessageId.IndexOfAny(['<', '>', ' ']) >= 0)
        {
            throw new ArgumentException(
                $"Message-ID '{email.MessageId}' must be non-empty, without angle brackets or spaces.", nameof(email));
        }

        var message = new MimeMessage();
        message.From.Add(Mailbox(email.From, "From"));
        message.To.Add(Mailbox(email.To, "To"));
        message.Subject = email.Subject;
        message.Date = email.Date;
        message.MessageId = email.MessageId;
        if (email.UnsubscribeUrl is not null)
        {
            message.Headers.Add(ListUnsubscribe, "<" + OneClickUrl(email.UnsubscribeUrl) + ">");
            message.Headers.Add(ListUnsubscribePost, OneClick);
        }

        foreach (var (name, value) in email.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            EnsureHeaderName(name);
            EnsureSingleLine(value, name);
            message.Headers.Add(name, value);
        }

        message.Body = new MultipartAlternative
        {
            TextPart("plain", email.TextBody),
            TextPart("html", email.HtmlBody),
        };
        return message;
    }

    private static TextPart TextPart(string subtype, string content)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, content ?? "");
        return part;
    }

    private static MailboxAddress Mailbox(EmailAddress address, string header)
    {
        ArgumentNullException.ThrowIfNull(address, header);
        EnsureSingleLine(address.DisplayName, $"{header} display name");
        EnsureSingleLine(address.Address, $"{header} address");
        if (!MailboxAddress.TryParse(address.Address, out var parsed) || parsed.Address != address.Address.Trim())
        {
            throw new ArgumentException($"{header} address '{address.Address}' is not one email address.", nameof(address));
        }

        return new MailboxAddress(address.DisplayName ?? "", parsed.Address);
    }

    /// <summary>
    /// An absolute http(s) URL, ASCII and without spaces or angle brackets, so that <c>&lt;url&gt;</c> is one
    /// header token. RFC 8058 asks for https; a local run's http base URL is let through (see the README).
    /// </summary>
    private static string OneClickUrl(string url)
    {
        EnsureSingleLine(url, ListUnsubscribe);
        if (string.IsNullOrEmpty(url)
            || url.Any(c => c is <= ' ' or > '~' or '<' or '>' or '"')
            || !Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            // The URL is not echoed: its token unsubscribes whoever it names.
            throw new ArgumentException("The unsubscribe URL is not an absolute http(s) URL in plain ASCII.", nameof(url));
        }

        return url;
    }

    private static void EnsureHeaderName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => c is <= ' ' or > '~' or ':'))
        {
            throw new ArgumentException($"'{name}' is not a valid header name.", nameof(name));
        }

        if (Reserved.Contains(name))
        {
            throw new ArgumentException($"Header '{name}' is set from the email itself, not from extra headers.", nameof(name));
        }
    }

    private static void EnsureSingleLine(string? value, string header)
    {
        if (value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"The {header} header contains a line break (CR or LF); refusing to build the message.", nameof(value));
        }
    }
}
