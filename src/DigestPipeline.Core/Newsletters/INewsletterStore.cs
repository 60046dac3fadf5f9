namespace DigestPipeline.Core.Newsletters;

/// <summary>
/// What reading the mailbox has learnt (the <c>Sources</c> table at the Azure edge, beside the feeds): the mailbox's
/// state, and one record per message handled, with the reason when something of it was refused.
/// </summary>
public interface INewsletterStore
{
    Task<MailboxState?> GetMailboxAsync(string mailbox, CancellationToken cancellationToken);

    /// <summary>Every mailbox read so far (one, unless its settings changed), for <c>digest status</c>.</summary>
    Task<IReadOnlyList<MailboxState>> ListMailboxesAsync(CancellationToken cancellationToken);

    Task SaveMailboxAsync(MailboxState state, CancellationToken cancellationToken);

    Task SaveMessageAsync(NewsletterRecord record, CancellationToken cancellationToken);

    /// <summary>The messages refused whole or in part, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<NewsletterRecord>> ListProblemsAsync(int max, CancellationToken cancellationToken);
}

/// <summary>
/// The mailbox's state: its last run, last success, last error with its reason and how many in a row (the back-off),
/// the next run, and how many messages it has taken and refused.
/// </summary>
public sealed record MailboxState(
    string Mailbox,
    DateTimeOffset NextRunAt,
    DateTimeOffset? LastRunAt = null,
    DateTimeOffset? LastSuccessAt = null,
    DateTimeOffset? LastErrorAt = null,
    string? LastError = null,
    int ConsecutiveFailures = 0,
    long MessagesTaken = 0,
    long MessagesRefused = 0);

/// <summary>
/// One message handled: who sent it, what it became (the upload of its text, the uploads of its attachments), where it
/// was moved, and why something of it was refused (null when nothing was).
/// </summary>
public sealed record NewsletterRecord(
    string Hash,
    string? MessageId,
    string? From,
    string? Subject,
    DateTimeOffset HandledAt,
    string? BlobName,
    string? Title,
    int Attachments,
    string MovedTo,
    string? Problem);
