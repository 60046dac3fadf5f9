using DigestPipeline.Core.Newsletters;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace DigestPipeline.Mail;

/// <summary>One open connection on the newsletter folder.</summary>
internal sealed class ImapMailboxSession(ImapClient client, IMailFolder folder, NewsletterOptions settings) : IMailboxSession
{
    private readonly Dictionary<string, IMailFolder> _targets = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<MailboxMessage>> ReadAsync(int max, CancellationToken cancellationToken)
    {
        try
        {
            if (folder.Count == 0)
                return [];
            // The oldest first (UIDs grow with arrival), and only the summaries of those taken this run.
            var uids = (await folder.SearchAsync(SearchQuery.All, cancellationToken)).OrderBy(u => u.Id).Take(max).ToList();
            var summaries = await folder.FetchAsync(uids, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope), cancellationToken);
            var messages = new List<MailboxMessage>();
            foreach (var summary in summaries.OrderBy(s => s.UniqueId.Id))
            {
                var size = (long)(summary.Size ?? 0);
                if (size > settings.MaxMessageBytes)
                {
                    messages.Add(HeadersOnly(summary, size));
                    continue;
                }

                using var message = await folder.GetMessageAsync(summary.UniqueId, cancellationToken);
                messages.Add(await ReadMessageAsync(summary.UniqueId, message, size, cancellationToken));
            }

            return messages;
        }
        catch (Exception e) when (ImapFailure.IsTransient(e, cancellationToken))
        {
            throw ImapFailure.Unavailable(settings, e);
        }
    }

    public async Task MoveAsync(MailboxMessage message, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            if (!_targets.TryGetValue(target, out var destination))
                _targets[target] = destination = await ImapFolders.FindAsync(client, target, create: true, cancellationToken);
            await folder.MoveToAsync([UniqueId.Parse(message.Uid)], destination, cancellationToken);
        }
        catch (Exception e) when (ImapFailure.IsTransient(e, cancellationToken))
        {
            throw ImapFailure.Unavailable(settings, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
                await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (ImapFailure.IsTransient(e, CancellationToken.None))
        {
            // The connection is going anyway; what was done stands, and the server closes its side.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static MailboxMessage HeadersOnly(IMessageSummary summary, long size)
    {
        var envelope = summary.Envelope;
        var from = envelope?.From.Mailboxes.FirstOrDefault();
        return new MailboxMessage(summary.UniqueId.ToString(), envelope?.MessageId, from?.Address, from?.Name, envelope?.Subject, envelope?.Date,
            size, Oversize: true, null, null, []);
    }

    /// <summary>
    /// The message as the handler sees it. A newsletter forwarded as an attachment (a message/rfc822 part, Outlook's
    /// "forward as attachment") is read from the attached message: its parts, subject, date, Message-ID (so the same
    /// issue received directly and forwarded is one document) and sender as author; the sender checked against the
    /// allowed list stays the one who put it in the mailbox.
    /// </summary>
    private static async Task<MailboxMessage> ReadMessageAsync(UniqueId uid, MimeMessage message, long size, CancellationToken cancellationToken)
    {
        var from = message.From.Mailboxes.FirstOrDefault();
        // Marked as an attachment or not (clients differ), the first attached message is the newsletter.
        var forwarded = message.BodyParts.OfType<MessagePart>().Select(p => p.Message).FirstOrDefault(m => m is not null);
        var content = forwarded ?? message;
        var author = forwarded?.From.Mailboxes.FirstOrDefault() is { } original ? (string.IsNullOrWhiteSpace(original.Name) ? original.Address : original.Name) : from?.Name;
        var attachments = new List<MailAttachment>();
        foreach (var entity in content.Attachments)
        {
            using var bytes = new MemoryStream();
            string fileName, type;
            if (entity is MimePart part)
            {
                if (part.Content is not null)
                    await part.Content.DecodeToAsync(bytes, cancellationToken);
                (fileName, type) = (part.FileName ?? "attachment", part.ContentType.MimeType);
            }
            else
            {
                // Another attached message, or a multipart marked as an attachment: kept as its bytes (and refused as a type no reader takes).
                await entity.WriteToAsync(bytes, contentOnly: true, cancellationToken);
                (fileName, type) = (entity.ContentDisposition?.FileName ?? entity.ContentType.Name ?? "attachment", entity.ContentType.MimeType);
            }

            attachments.Add(new MailAttachment(fileName, type, bytes.ToArray()));
        }

        return new MailboxMessage(uid.ToString(), content.MessageId ?? message.MessageId, from?.Address, author, content.Subject,
            content.Date == DateTimeOffset.MinValue ? null : content.Date, size, Oversize: false, content.HtmlBody, content.TextBody, attachments);
    }
}
