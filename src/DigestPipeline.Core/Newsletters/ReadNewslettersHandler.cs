using System.Globalization;
using System.Text;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Newsletters;

/// <summary>
/// The newsletters timer: reads the mailbox when due and makes each message an upload, as a feed item is one. A
/// message from an allowed sender becomes <c>incoming/mail/{hash}.html</c> (its article, chrome removed, titled by
/// its heading, with its sender, date and "view in browser" address as metadata), and each PDF or DOCX attachment its
/// own upload beside it; then the message is moved to the processed folder. A message refused (unknown sender, too
/// large, no text) or with a refused attachment is recorded with the reason and moved to the refused folder: nothing is
/// deleted, nothing read twice. Safe to run twice: the hash of the Message-ID names the uploads, so a message read again
/// after a crash between its upload and its move writes the same bytes under the same names (no new version, no second
/// document). A mailbox that cannot be reached is a failure of the run, recorded and retried with back-off, logged once
/// when it starts and once when it ends; storage failures propagate (the timer logs them and runs again).
/// </summary>
public sealed class ReadNewslettersHandler(
    IMailbox mailbox,
    INewsletterStore store,
    IItemUploads uploads,
    IOptions<NewsletterOptions> options,
    ILogger<ReadNewslettersHandler> logger) : ITimerHandler
{
    private const string HtmlType = "text/html; charset=utf-8";
    private const string PdfType = "application/pdf";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// Every minute, at second 30 (away from the feeds' timer at second 0); the mailbox itself is read every
    /// <c>Newsletters:PollEvery</c>, so a minute is only the finest interval.
    /// </summary>
    public const string EveryMinute = "30 * * * * *";

    public string Name => "read-newsletters";

    public string Schedule => EveryMinute;

    public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => ReadAsync(now, force: false, cancellationToken);

    /// <param name="force">Read now even if not due (<c>digest newsletters run</c>).</param>
    public async Task<NewsletterRun> ReadAsync(DateTimeOffset now, bool force, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
            return NewsletterRun.Off;
        var name = MailboxName(settings);
        var state = await store.GetMailboxAsync(name, cancellationToken) ?? new MailboxState(name, now);
        if (!force && state.NextRunAt > now)
            return new NewsletterRun(NewsletterRunStatus.NotDue, state, [], null);

        var handled = new List<NewsletterRecord>();
        try
        {
            await using var session = await mailbox.OpenAsync(cancellationToken);
            var senders = new SenderList(settings.AllowedSenders);
            foreach (var message in await session.ReadAsync(settings.MaxMessagesPerRun, cancellationToken))
                handled.Add(await TakeAsync(session, message, senders, settings, now, cancellationToken));
        }
        catch (MailboxUnavailableException e)
        {
            var failures = state.ConsecutiveFailures + 1;
            // Logged when the mailbox goes, not at every run while it stays away.
            if (failures == 1)
                logger.LogWarning("Newsletter mailbox {Mailbox} is unreachable ({Problem}); the timer keeps trying, backing off", name, e.Message);
            state = Counted(state, handled) with
            {
                LastRunAt = now,
                LastErrorAt = now,
                LastError = e.Message,
                ConsecutiveFailures = failures,
                NextRunAt = now + BackOff(failures, settings),
            };
            await store.SaveMailboxAsync(state, cancellationToken);
            return new NewsletterRun(NewsletterRunStatus.Failed, state, handled, e.Message);
        }

        if (state.ConsecutiveFailures > 0)
            logger.LogInformation("Newsletter mailbox {Mailbox} is reachable again after {Failures} failed run(s)", name, state.ConsecutiveFailures);
        state = Counted(state, handled) with
        {
            LastRunAt = now,
            LastSuccessAt = now,
            ConsecutiveFailures = 0,
            NextRunAt = now + settings.PollEvery,
        };
        await store.SaveMailboxAsync(state, cancellationToken);
        return new NewsletterRun(NewsletterRunStatus.Ran, state, handled, null);
    }

    /// <summary>The name the mailbox's state is kept under (no password in it).</summary>
    public static string MailboxName(NewsletterOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.Create(CultureInfo.InvariantCulture, $"{settings.User}@{settings.Host}:{settings.Port}/{settings.Folder}");
    }

    private async Task<NewsletterRecord> TakeAsync(IMailboxSession session, MailboxMessage message, SenderList senders, NewsletterOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var identity = NewsletterIdentity.Of(message);
        var hash = NewsletterIdentity.Hash(identity);
        string? refusal = null;
        var problems = new List<string>();
        string? blobName = null, title = null;
        var attachments = 0;
        if (!senders.Allows(message.FromAddress))
        {
            refusal = $"sender {message.FromAddress ?? "(none)"} is not in {NewsletterOptions.Section}:AllowedSenders";
        }
        else if (message.Oversize)
        {
            refusal = string.Create(CultureInfo.InvariantCulture, $"the message is {message.Size:N0} bytes, over {NewsletterOptions.Section}:MaxMessageBytes ({settings.MaxMessageBytes:N0})");
        }
        else
        {
            var author = string.IsNullOrWhiteSpace(message.FromName) ? message.FromAddress : message.FromName;
            for (var i = 0; i < message.Attachments.Count; i++)
            {
                var attachment = message.Attachments[i];
                if (AttachmentProblem(attachment, settings) is { } problem)
                {
                    problems.Add(problem);
                    continue;
                }

                var metadata = new UploadMetadata(null, null, author, message.Date, NewsletterIdentity.AttachmentHash(identity, i, attachment.Content));
                await uploads.PutAsync(NewsletterIdentity.AttachmentBlobName(hash, i + 1, attachment.FileName), attachment.Content, attachment.ContentType, metadata.ToBlobMetadata(), cancellationToken);
                attachments++;
            }

            var article = Article(message, problems);
            if (article is not null)
            {
                (blobName, title) = (NewsletterIdentity.BlobName(hash), article.Title);
                var metadata = new UploadMetadata(article.Title, article.BrowserLink is { } link ? ItemIdentity.Canonical(link) : null, author, message.Date, hash);
                await uploads.PutAsync(blobName, Encoding.UTF8.GetBytes(PageExtractor.Page(article.Title, article.Html)), HtmlType, metadata.ToBlobMetadata(), cancellationToken);
            }
            else if (attachments == 0)
            {
                refusal = "the message holds no text" + (problems.Count > 0 ? " and no attachment that could be read" : "");
            }
        }

        var problemText = refusal ?? (problems.Count > 0 ? string.Join("; ", problems) : null);
        var folder = problemText is null ? settings.ProcessedFolder : settings.RefusedFolder;
        var record = new NewsletterRecord(hash, message.MessageId, message.FromAddress, message.Subject, now, blobName, title, attachments, folder, problemText);
        // Recorded before the move: a run that stops in between reads the message again and writes the same record.
        await store.SaveMessageAsync(record, cancellationToken);
        await session.MoveAsync(message, folder, cancellationToken);
        if (problemText is null)
            logger.LogInformation("Newsletter {Hash} from {From} uploaded as {BlobName} with {Attachments} attachment(s); moved to {Folder}", hash, message.FromAddress, blobName, attachments, folder);
        else
            logger.LogWarning("Newsletter {Hash} from {From}: {Problem}; moved to {Folder}", hash, message.FromAddress, problemText, folder);
        return record;
    }

    private static NewsletterArticle? Article(MailboxMessage message, List<string> problems)
    {
        try
        {
            return NewsletterArticles.Extract(message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The HTML parser and the extractor are third parties': what they throw on a strange message is its problem.
            problems.Add($"the text could not be extracted ({e.GetType().Name})");
            return null;
        }
    }

    private static string? AttachmentProblem(MailAttachment attachment, NewsletterOptions settings)
    {
        var name = attachment.FileName;
        if (!IsPdf(attachment) && !IsDocx(attachment))
            return $"attachment '{name}' ({attachment.ContentType}) is not read: only PDF and DOCX attachments are";
        return attachment.Content.LongLength > settings.MaxAttachmentBytes
            ? string.Create(CultureInfo.InvariantCulture, $"attachment '{name}' is {attachment.Content.LongLength:N0} bytes, over {NewsletterOptions.Section}:MaxAttachmentBytes ({settings.MaxAttachmentBytes:N0})")
            : null;
    }

    private static bool IsPdf(MailAttachment a) =>
        a.ContentType.Equals(PdfType, StringComparison.OrdinalIgnoreCase) || a.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    private static bool IsDocx(MailAttachment a) =>
        a.ContentType.Equals(DocxType, StringComparison.OrdinalIgnoreCase) || a.FileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase);

    private static MailboxState Counted(MailboxState state, List<NewsletterRecord> handled) => state with
    {
        MessagesTaken = state.MessagesTaken + handled.Count(r => r.Problem is null),
        MessagesRefused = state.MessagesRefused + handled.Count(r => r.Problem is not null),
    };

    /// <summary>The wait after <paramref name="failures"/> failed runs in a row: doubled from the base, capped, never below the poll interval.</summary>
    private static TimeSpan BackOff(int failures, NewsletterOptions settings)
    {
        var wait = settings.BackOffBase * Math.Pow(2, Math.Min(failures - 1, 30));
        if (wait > settings.BackOffMax) wait = settings.BackOffMax;
        return wait > settings.PollEvery ? wait : settings.PollEvery;
    }
}
