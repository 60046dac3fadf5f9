using System.Globalization;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Themes;
using Microsoft.AspNetCore.Http;

namespace DigestPipeline.Web.Console.Subscribers;

/// <summary>
/// The console's subscribers: counts by state and a search (<c>/console/subscribers</c>), one subscriber's settings and
/// latest digests (<c>subscribers/{id}</c>), and the digest they would get now (<c>subscribers/{id}/preview</c>, its HTML
/// part on <c>…/preview/html</c>). Read only: nothing here changes a subscriber or sends anything.
/// </summary>
/// <remarks>
/// The preview's HTML is email HTML (inline styles, remote images): it is served on its own URL under the archived
/// digests' policy (<see cref="SecurityHeaders.DigestPolicy"/>), and the preview page links to it rather than framing
/// it: that policy forbids being framed (as the archive's pages must not be) and the console's own policy allows no
/// frame, so a link keeps both as strict as they are.
/// </remarks>
internal sealed class SubscribersSection(ISubscriberStore subscribers, IDeliveryLedger ledger, DigestPreview preview, ThemeTaxonomy taxonomy)
    : IConsoleSection
{
    /// <summary>Rows the list shows at most; the count says how many more matched.</summary>
    public const int MaxRows = 100;

    /// <summary>Digests one subscriber's page lists, newest first.</summary>
    public const int MaxDeliveries = 10;

    public void Map(ConsoleRoutes routes) => routes
        .Get("subscribers", ListAsync)
        .Get("subscribers/{id}", ShowAsync)
        .Get("subscribers/{id}/preview", PreviewAsync)
        .Get("subscribers/{id}/preview/html", PreviewHtmlAsync);

    private async Task<IResult> ListAsync(ConsoleRequest request)
    {
        var text = ConsoleRequest.Text;
        SubscriberState? state = null;
        if (request.Query("state") is { } wanted)
        {
            if (!Enum.TryParse<SubscriberState>(wanted, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return await request.MessageAsync(StatusCodes.Status400BadRequest, text.Get("SubscribersTitle"), text.Format("SubsUnknownStateFormat", wanted));
            state = parsed;
        }

        var search = new SubscriberSearch(request.Query("q")?.Trim(), state);
        var listing = await search.RunAsync(subscribers, request.Aborted);
        var view = new SubscribersView(
            listing.Total,
            Enum.GetValues<SubscriberState>().Select(s => new StateCountView(s.ToString(), listing.Counts[s])).ToList(),
            search.Text ?? "",
            new[] { new StateOptionView("", text.Get("SubsAllStates"), state is null) }
                .Concat(Enum.GetValues<SubscriberState>().Select(s => new StateOptionView(s.ToString(), s.ToString(), s == state))).ToList(),
            listing.Matching.Count,
            listing.Matching.Take(MaxRows).Select(s => new SubscriberRowView(
                s.Id, s.Email, s.DisplayName, s.State.ToString(), string.Join(", ", s.Themes), Languages(s), s.Schedule, s.TimeZone, Time(s.CreatedAt))).ToList());
        return await request.PageAsync("subscribers", view, text.Get("SubscribersTitle"), "subscribers");
    }

    private async Task<IResult> ShowAsync(ConsoleRequest request)
    {
        if (await FindAsync(request) is not { } subscriber)
            return await NotFoundAsync(request);
        var deliveries = new List<DeliveryRowView>();
        await foreach (var delivery in ledger.ListForSubscriberAsync(subscriber.Id, MaxDeliveries, request.Aborted))
        {
            deliveries.Add(new DeliveryRowView(delivery.Id, delivery.State.ToString(), delivery.ItemCount, Time(delivery.Period), Time(delivery.ClaimedAt),
                delivery.CompletedAt is { } completed ? Time(completed) : "", delivery.MessageId));
        }

        var view = new SubscriberView(
            subscriber.Id, subscriber.Email, subscriber.DisplayName, subscriber.State.ToString(),
            subscriber.Themes.Select(t => new ThemeView(t, taxonomy.Find(t)?.Label(subscriber.Language) ?? ConsoleRequest.Text.Get("SubsThemeNotInTaxonomy"))).ToList(),
            subscriber.Language, string.Join(", ", subscriber.AlsoReads), ScheduleInWords(subscriber), subscriber.Schedule, subscriber.TimeZone,
            Time(subscriber.CreatedAt), deliveries);
        return await request.PageAsync("subscriber", view, subscriber.Email, "subscribers");
    }

    private async Task<IResult> PreviewAsync(ConsoleRequest request)
    {
        if (await FindAsync(request) is not { } subscriber)
            return await NotFoundAsync(request);
        var previewed = await preview.ComposeAsync(subscriber, request.Aborted);
        var email = previewed.Email;
        var view = new PreviewView(
            subscriber.Id, subscriber.Email, subscriber.State == SubscriberState.Active,
            previewed.Delivery.Id, Time(previewed.Delivery.ContentAfter), Time(previewed.Delivery.ContentUpTo), previewed.ItemCount, previewed.WouldBeSent,
            email is not null, email?.Subject ?? "", email?.TextBody ?? "",
            $"{ConsoleApp.PathBase}/subscribers/{Uri.EscapeDataString(subscriber.Id)}/preview/html");
        return await request.PageAsync("preview", view, ConsoleRequest.Text.Format("SubsPreviewTitleFormat", subscriber.Email), "subscribers");
    }

    /// <summary>The HTML part exactly as it would be sent, under the archived digests' policy (see the remarks).</summary>
    private async Task<IResult> PreviewHtmlAsync(ConsoleRequest request)
    {
        if (await FindAsync(request) is not { } subscriber)
            return await NotFoundAsync(request);
        var previewed = await preview.ComposeAsync(subscriber, request.Aborted);
        if (previewed.Email is not { } email)
            return await request.MessageAsync(StatusCodes.Status404NotFound, ConsoleRequest.Text.Get("SubsNothingNewTitle"), ConsoleRequest.Text.Get("SubsNothingNew"));
        return await SubscriberPageEndpoints.WriteAsync(request.Http, StatusCodes.Status200OK, SecurityHeaders.DigestPolicy, email.HtmlBody);
    }

    private async Task<Subscriber?> FindAsync(ConsoleRequest request) =>
        request.Route("id") is { Length: > 0 } id ? await subscribers.GetAsync(id, request.Aborted) : null;

    private static Task<IResult> NotFoundAsync(ConsoleRequest request) =>
        request.MessageAsync(StatusCodes.Status404NotFound, ConsoleRequest.Text.Get("SubsNoSuchSubscriberTitle"), ConsoleRequest.Text.Get("SubsNoSuchSubscriber"));

    /// <summary>The digest language, then the others read: "fr (also reads en)", as <c>digest subscribers list</c> shows it.</summary>
    private static string Languages(Subscriber subscriber) => subscriber.AlsoReads.Count == 0
        ? subscriber.Language
        : ConsoleRequest.Text.Format("SubsAlsoReadsFormat", subscriber.Language, string.Join(", ", subscriber.AlsoReads));

    /// <summary>"Daily at 07:00", "Weekly on Monday at 08:30", or "A cron schedule" (the cron expression is shown beside it).</summary>
    private static string ScheduleInWords(Subscriber subscriber)
    {
        var text = ConsoleRequest.Text;
        var choice = ScheduleChoice.FromStored(subscriber.Schedule, subscriber.TimeZone);
        return choice switch
        {
            { Frequency: DigestFrequency.Daily, SendTime: { } time } => text.Format("SubsDailyAtFormat", time.ToString("HH:mm", CultureInfo.InvariantCulture)),
            { Frequency: DigestFrequency.Weekly, SendTime: { } time, Day: { } day } => text.Format("SubsWeeklyAtFormat", day.ToString(), time.ToString("HH:mm", CultureInfo.InvariantCulture)),
            _ => text.Get("SubsCronSchedule"),
        };
    }

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
