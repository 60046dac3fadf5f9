using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Tests.Schedules.Fakes;
using DigestPipeline.Core.Tests.Themes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace DigestPipeline.Core.Tests.Schedules;

/// <summary>
/// The planner and the sender over in-memory stores, on a fake clock: time moves only when a test moves it, and
/// the planning timer runs every 5 minutes of that time, as <see cref="DigestOptions.PlanSchedule"/> says by default.
/// </summary>
internal sealed class DigestWorld
{
    public static readonly TimeSpan PlanningTick = TimeSpan.FromMinutes(5);

    private readonly RecordingPublisher _queue = new();
    private readonly InMemorySummaryStore _summaries = new();
    private readonly InMemoryThemeIndex _index = new();

    public DigestWorld(DateTimeOffset start, Action<DigestOptions>? configure = null)
    {
        Clock = new FakeTimeProvider(start);
        Subscribers = new InMemorySubscriberStore(Due, Clock);
        // One subscriber at a time, so that the mail goes out in the batch's order, which tests read.
        Options.Parallelism = 1;
        configure?.Invoke(Options);
        var options = OptionsFactory.Create(Options);
        Planner = new PlanDigestsHandler(Due, Subscribers, _queue, options, Telemetry, NullLogger<PlanDigestsHandler>.Instance);
        var writer = new DigestWriter(new DigestContentCollector(_index, _summaries, ThemeSamples.SeedTaxonomy(), options), Digests.DigestSamples.Composer(Clock), Archive, options);
        Sender = new DigestSender(Subscribers, Due, Ledger, writer, Mail, options, Clock, Telemetry, NullLogger<DigestSender>.Instance);
        Handler = new SendDigestHandler(Sender, _queue, Clock, NullLogger<SendDigestHandler>.Instance);
    }

    public FakeTimeProvider Clock { get; }
    public PipelineTelemetry Telemetry { get; } = new(meters: null);
    public DigestOptions Options { get; } = new();
    public InMemoryDueIndex Due { get; } = new();
    public InMemorySubscriberStore Subscribers { get; }
    public InMemoryDeliveryLedger Ledger { get; } = new();
    public RecordingMailSender Mail { get; } = new();
    public InMemoryDigestArchive Archive { get; } = new();
    public PlanDigestsHandler Planner { get; }
    public DigestSender Sender { get; }
    public SendDigestHandler Handler { get; }

    /// <summary>Every digest request the planner queued, in order.</summary>
    public List<DigestRequest> Planned { get; } = [];

    public DateTimeOffset Now => Clock.GetUtcNow();

    public RecordingPublisher Queue => _queue;

    public async Task<Subscriber> SubscribeAsync(string email, string cron, string timeZone, params string[] themes)
    {
        var subscriber = new Subscriber(Subscriber.IdFor(email), email, "", themes.Length > 0 ? themes : ["health"], "en", cron, timeZone,
            SubscriberState.Active, Now);
        await Subscribers.UpsertAsync(subscriber, CancellationToken.None);
        return subscriber;
    }

    /// <summary>A document summarized now on <paramref name="themes"/>, titled by its id (the digest's text shows the title).</summary>
    public async Task PublishAsync(string documentId, params string[] themes)
    {
        var summaries = new DocumentSummaries(documentId, $"{documentId}.txt", Title(documentId), "en", Now,
            themes.Select(theme => new ThemedSummary(theme, new Dictionary<string, string> { ["en"] = theme }, false, 1.0,
                [new SummarySentence(documentId, 0, "", 0, 40, $"The {documentId} announcement was published.", 1.0)], [])).ToList());
        await _summaries.SaveAsync(summaries, CancellationToken.None);
        await _index.AddAsync(summaries, CancellationToken.None);
    }

    public static string Title(string documentId) => $"Title of {documentId}";

    /// <summary>Moves the clock by <paramref name="duration"/>, running the planning timer and the digest queue at every tick.</summary>
    public async Task RunAsync(TimeSpan duration)
    {
        var end = Now + duration;
        while (Now < end)
        {
            Clock.Advance(PlanningTick);
            await PlanAndDeliverAsync();
        }
    }

    /// <summary>One planning run at the current instant, then the digest queue drained.</summary>
    public async Task PlanAndDeliverAsync()
    {
        await Planner.RunAsync(Now, CancellationToken.None);
        await DeliverQueuedAsync();
    }

    public async Task DeliverQueuedAsync()
    {
        while (_queue.TryTake(out var message))
        {
            var batch = (DigestBatchMessage)message;
            Planned.AddRange(batch.Requests);
            try
            {
                await Handler.HandleAsync(batch, CancellationToken.None);
            }
            catch
            {
                // As a queue does: the message comes back for another try.
                _queue.Return(message);
                throw;
            }
        }
    }

    /// <summary>The documents a sent digest carries (by their titles in its text part).</summary>
    public static IReadOnlyList<string> DocumentsIn(EmailMessage email, params string[] candidates) =>
        candidates.Where(id => email.TextBody.Contains(Title(id), StringComparison.Ordinal)).ToList();
}
