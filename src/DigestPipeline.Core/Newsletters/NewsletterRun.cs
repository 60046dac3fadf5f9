namespace DigestPipeline.Core.Newsletters;

/// <summary>What one run of the mailbox did: nothing (off, not due), each message handled, or the failure that stopped it.</summary>
public sealed record NewsletterRun(NewsletterRunStatus Status, MailboxState? State, IReadOnlyList<NewsletterRecord> Messages, string? Problem)
{
    public static NewsletterRun Off { get; } = new(NewsletterRunStatus.Off, null, [], null);
}

public enum NewsletterRunStatus
{
    /// <summary>No mailbox configured (<c>Newsletters:Host</c> unset).</summary>
    Off,

    /// <summary>The mailbox was read less than <c>Newsletters:PollEvery</c> ago (or is backing off).</summary>
    NotDue,

    Ran,

    /// <summary>The server could not be reached or dropped the connection; the next run tries again.</summary>
    Failed,
}
