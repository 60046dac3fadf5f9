using System.Globalization;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Newsletters;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Repair;
using DigestPipeline.Core.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Web.Console.Operations;

/// <summary>
/// The console's operations page (<c>/console/operations</c>): what <c>digest status</c> and <c>digest poison list</c>
/// show, on one page: the work queues' and poison queues' depths, the poisoned messages with their error, this host's
/// loops, the feeds and newsletter mailboxes when there are any, and the documents stuck. Its one form sends poisoned
/// messages back to their queue (<c>POST /console/operations/replay</c>, as <c>digest poison replay</c> does, through
/// the same <see cref="IFailedWork"/>), then 303 back here with the outcome in the address: counts and a fixed reason
/// word, never free text, so a crafted link can only make the page say what it could say anyway.
/// </summary>
internal sealed class OperationsSection(
    IFailedWork failedWork,
    HostHealth health,
    ISourceStore sources,
    INewsletterStore newsletters,
    IDocumentRecords documents,
    IOptions<RepairOptions> repair,
    TimeProvider time) : IConsoleSection
{
    /// <summary>Latest feed items and newsletters with a problem shown, as <c>digest status</c> shows them.</summary>
    private const int MaxProblems = 10;

    /// <summary>Stuck documents listed at most (all are counted).</summary>
    private const int MaxStuck = 20;

    public void Map(ConsoleRoutes routes) => routes
        .Get("operations", ShowAsync)
        .Post("operations/replay", ReplayAsync);

    private async Task<IResult> ShowAsync(ConsoleRequest request)
    {
        var cancellationToken = request.Aborted;
        var depths = await failedWork.DepthsAsync(cancellationToken);
        var listings = await failedWork.ListAsync(cancellationToken);
        var feeds = await sources.ListAsync(cancellationToken);
        var mailboxes = await newsletters.ListMailboxesAsync(cancellationToken);
        var now = time.GetUtcNow();
        var stuck = new List<DocumentRecord>();
        await foreach (var record in documents.ListRecordsAsync(cancellationToken))
        {
            if (repair.Value.IsStuck(record, now))
                stuck.Add(record);
        }

        var snapshot = health.Snapshot(HealthEndpoints.StaleAfter);
        var view = new OperationsView(
            Outcome(request, listings),
            depths.Select(d => new DepthView(d.Name, d.Depth, d.Failed)).ToList(),
            listings.Select(l => new PoisonListingView(l.Queue, l.PoisonQueue, l.Depth, l.Depth > l.Messages.Count,
                l.Messages.Select(m => new PoisonMessageView(m.Id, Time(m.InsertedOn), m.DequeueCount?.ToString(CultureInfo.InvariantCulture) ?? "",
                    m.Error ?? "", m.Shape == FailedMessageShape.Bare, m.Preview, !m.BodyTruncated)).ToList())).ToList(),
            new HealthView(snapshot.Loops.Count > 0, snapshot.Ready, Time(snapshot.StartedAt), Time(snapshot.StorageFailingSince),
                snapshot.Loops.Select(l => new LoopView(l.Name, l.Ready, Time(l.LastSuccess), Time(l.FailingSince), l.Outages, l.LastError ?? "")).ToList()),
            feeds.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new FeedView(s.Name, s.Id, s.Every.ToString(), s.ItemsSeen, Time(s.LastSuccessAt),
                s.LastError ?? "", Time(s.LastErrorAt), s.ConsecutiveFailures, Time(s.NextPollAt))).ToList(),
            feeds.Count == 0 ? [] : (await sources.ListFailedItemsAsync(MaxProblems, cancellationToken))
                .Select(i => new FeedItemProblemView(Time(i.UpdatedAt), i.Title ?? "", i.Link?.AbsoluteUri ?? "", i.Error ?? "")).ToList(),
            mailboxes.OrderBy(m => m.Mailbox, StringComparer.Ordinal).Select(m => new MailboxView(m.Mailbox, m.MessagesTaken, m.MessagesRefused,
                Time(m.LastSuccessAt), m.LastError ?? "", Time(m.LastErrorAt), m.ConsecutiveFailures, Time(m.NextRunAt))).ToList(),
            mailboxes.Count == 0 ? [] : (await newsletters.ListProblemsAsync(MaxProblems, cancellationToken))
                .Select(r => new NewsletterProblemView(Time(r.HandledAt), r.From ?? "", r.Subject ?? "", r.Problem ?? "", r.MovedTo)).ToList(),
            repair.Value.StuckAfter.ToString(),
            stuck.Count,
            stuck.OrderBy(r => r.UpdatedAt).Take(MaxStuck).Select(r => new StuckDocumentView(r.Id, r.SourceName, r.Status.ToString(), Time(r.UpdatedAt))).ToList());
        return await request.PageAsync("operations", view, ConsoleRequest.Text.Get("OpsOperationsTitle"), "operations");
    }

    /// <summary>Fields <c>queue</c> and <c>id</c>, or <c>queue</c> and <c>all=true</c>: the poisoned messages go back to the queue.</summary>
    private async Task<IResult> ReplayAsync(ConsoleRequest request)
    {
        var form = await request.Http.Request.ReadFormAsync(request.Aborted);
        var queue = form["queue"].ToString().Trim();
        var id = form["id"].ToString().Trim();
        var all = string.Equals(form["all"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        if (queue.Length == 0 || (id.Length == 0) == !all)
            return request.SeeOther("operations?replay=" + ReplayOutcome.Invalid);
        // Only a queue that has a poison queue: an unknown or malformed name never reaches the storage service.
        var listing = (await failedWork.ListAsync(request.Aborted)).FirstOrDefault(l => l.Queue == queue || l.PoisonQueue == queue);
        if (listing is null)
            return request.SeeOther("operations?replay=" + ReplayOutcome.UnknownQueue);

        FailedWorkReplay result;
        try
        {
            result = await failedWork.ReplayAsync(listing.Queue, all ? null : id, request.Aborted);
        }
        catch (InvalidOperationException)
        {
            return request.SeeOther($"operations?replay={ReplayOutcome.Missing}&queue={Uri.EscapeDataString(listing.Queue)}");
        }

        return request.SeeOther(string.Create(CultureInfo.InvariantCulture,
            $"operations?replay={ReplayOutcome.Done}&queue={Uri.EscapeDataString(result.Queue)}&replayed={result.Replayed.Count}&refused={result.Refused.Count}"));
    }

    /// <summary>The sentence a replay's 303 asks for, from its fixed words; empty on a plain visit.</summary>
    private static string Outcome(ConsoleRequest request, IReadOnlyList<FailedWorkListing> listings)
    {
        var text = ConsoleRequest.Text;
        var queue = request.Query("queue") is { } named && listings.Any(l => l.Queue == named) ? named : "?";
        static int Count(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return request.Query("replay") switch
        {
            ReplayOutcome.Done when Count(request.Query("refused")) > 0 =>
                text.Format("OpsReplayedSomeFormat", Count(request.Query("replayed")), queue, Count(request.Query("refused"))),
            ReplayOutcome.Done => text.Format("OpsReplayedFormat", Count(request.Query("replayed")), queue),
            ReplayOutcome.Missing => text.Format("OpsReplayMissingFormat", queue),
            ReplayOutcome.UnknownQueue => text.Get("OpsReplayUnknownQueue"),
            ReplayOutcome.Invalid => text.Get("OpsReplayInvalid"),
            _ => "",
        };
    }

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "";

    /// <summary>The outcomes a replay's 303 names.</summary>
    private static class ReplayOutcome
    {
        public const string Done = "done";
        public const string Missing = "missing";
        public const string UnknownQueue = "unknown-queue";
        public const string Invalid = "invalid";
    }
}
