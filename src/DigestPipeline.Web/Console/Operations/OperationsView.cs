namespace DigestPipeline.Web.Console.Operations;

/// <summary>The operations page: every value already a string or a number, as the page shows it (times in UTC).</summary>
/// <param name="Outcome">What the last replay did (after its 303); empty otherwise.</param>
internal sealed record OperationsView(
    string Outcome,
    IReadOnlyList<DepthView> Depths,
    IReadOnlyList<PoisonListingView> Poison,
    HealthView Health,
    IReadOnlyList<FeedView> Feeds,
    IReadOnlyList<FeedItemProblemView> FeedProblems,
    IReadOnlyList<MailboxView> Mailboxes,
    IReadOnlyList<NewsletterProblemView> NewsletterProblems,
    string StuckAfter,
    int StuckCount,
    IReadOnlyList<StuckDocumentView> Stuck)
{
    public bool AnyPoison => Poison.Any(p => p.Depth > 0);
}

/// <param name="Failed">A poison queue (its depth is highlighted when above 0).</param>
internal sealed record DepthView(string Name, int Depth, bool Failed);

/// <param name="Cut">More messages than listed (the storage service peeks at most 32).</param>
internal sealed record PoisonListingView(string Queue, string PoisonQueue, int Depth, bool Cut, IReadOnlyList<PoisonMessageView> Messages);

/// <param name="Bare">Poisoned by the Functions host: its error is in the host's logs only.</param>
/// <param name="Replayable">False when only the start of the message was kept.</param>
internal sealed record PoisonMessageView(string Id, string Inserted, string Dequeues, string Error, bool Bare, string Preview, bool Replayable);

/// <param name="Reports">Whether this host runs loops of its own (the local host does; in Azure the Functions host runs the triggers).</param>
internal sealed record HealthView(bool Reports, bool Ready, string StartedAt, string StorageFailingSince, IReadOnlyList<LoopView> Loops);

internal sealed record LoopView(string Name, bool Ready, string LastSuccess, string FailingSince, int Outages, string LastError);

internal sealed record FeedView(string Name, string Id, string Every, long ItemsSeen, string LastSuccess, string LastError, string LastErrorAt, int FailuresInARow, string NextPoll);

internal sealed record FeedItemProblemView(string When, string Title, string Link, string Problem);

internal sealed record MailboxView(string Mailbox, long Taken, long Refused, string LastSuccess, string LastError, string LastErrorAt, int FailuresInARow, string NextRun);

internal sealed record NewsletterProblemView(string When, string From, string Subject, string Problem, string MovedTo);

internal sealed record StuckDocumentView(string Id, string Upload, string State, string Updated);
