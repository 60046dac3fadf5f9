using System.CommandLine;
using System.Globalization;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest subscribers list|show</c>: who is on the list, in which state, and what each one gets.</summary>
public static class SubscribersCommand
{
    public static Command Create()
    {
        var command = new Command("subscribers", "The subscribers: counts by state and a search by address, or one subscriber's settings and latest digests.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command List()
    {
        var search = new Option<string?>("--search") { Description = "Only addresses or names containing this text (case aside)" };
        var state = new Option<SubscriberState?>("--state") { Description = "Only subscribers in this state: Active, Pending, Unsubscribed, Bouncing" };
        var limit = new Option<int>("--limit") { Description = "At most this many rows (newest first; default 50)", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "Counts by state, then the subscribers (newest first) matching --search and --state.") { search, state, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var listing = await new SubscriberSearch(parse.GetValue(search), parse.GetValue(state))
                .RunAsync(environment.Services.GetRequiredService<ISubscriberStore>(), cancellationToken);
            AnsiConsole.MarkupLine(listing.Total == 0
                ? "No subscribers yet: [bold]digest subscribe[/] loads seeds/subscribers.json, and the sign-up page adds them one by one."
                : $"{listing.Total:N0} subscriber(s): " + string.Join(", ", Enum.GetValues<SubscriberState>().Select(s => $"{listing.Counts[s]:N0} {s.ToString().ToLowerInvariant()}")));
            if (listing.Total == 0)
                return 0;

            var table = new Table().AddColumns("Address", "Name", "State", "Languages", "Themes", "Schedule", "Since (UTC)");
            foreach (var subscriber in listing.Matching.Take(Math.Max(0, parse.GetValue(limit))))
            {
                table.AddRow(Markup.Escape(subscriber.Email), Markup.Escape(subscriber.DisplayName), subscriber.State.ToString(),
                    Markup.Escape(Languages(subscriber)), Markup.Escape(string.Join(", ", subscriber.Themes)),
                    Markup.Escape($"{subscriber.Schedule} ({subscriber.TimeZone})"), $"{subscriber.CreatedAt:yyyy-MM-dd HH:mm}");
            }

            AnsiConsole.Write(table);
            if (listing.Matching.Count > parse.GetValue(limit))
                AnsiConsole.MarkupLine($"… and {listing.Matching.Count - parse.GetValue(limit):N0} more: narrow with --search or --state, or raise --limit.");
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var who = new Argument<string>("subscriber") { Description = "Their address, or their id" };
        var command = new Command("show", "One subscriber's settings and their 10 latest digests.") { who };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var key = parse.GetRequiredValue(who).Trim();
            var store = environment.Services.GetRequiredService<ISubscriberStore>();
            var subscriber = await store.GetAsync(key.Contains('@', StringComparison.Ordinal) ? Subscriber.IdFor(key) : key, cancellationToken);
            if (subscriber is null)
            {
                AnsiConsole.MarkupLine($"[red]No subscriber {Markup.Escape(key)}.[/] [bold]digest subscribers list --search[/] finds one by part of the address.");
                return 1;
            }

            var settings = new Grid().AddColumns(2);
            foreach (var (name, value) in new (string, string)[]
                     {
                         ("Address", subscriber.Email), ("Name", subscriber.DisplayName), ("Id", subscriber.Id), ("State", subscriber.State.ToString()),
                         ("Languages", Languages(subscriber)), ("Themes", string.Join(", ", subscriber.Themes)),
                         ("Schedule", $"{subscriber.Schedule} in {subscriber.TimeZone}"),
                         ("Since", subscriber.CreatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
                     })
            {
                settings.AddRow($"[bold]{name}[/]", Markup.Escape(value));
            }

            AnsiConsole.Write(settings);
            var digests = new Table().Title("Latest digests").AddColumns("Period (UTC)", "State", "Items", "Claimed (UTC)", "Message-ID");
            await foreach (var delivery in environment.Services.GetRequiredService<IDeliveryLedger>().ListForSubscriberAsync(subscriber.Id, 10, cancellationToken))
            {
                digests.AddRow($"{delivery.Period:yyyy-MM-dd HH:mm}", delivery.State.ToString(), delivery.ItemCount.ToString(CultureInfo.CurrentCulture),
                    $"{delivery.ClaimedAt:yyyy-MM-dd HH:mm:ss}", Markup.Escape(delivery.MessageId));
            }

            AnsiConsole.Write(digests);
            return 0;
        });
        return command;
    }

    /// <summary>The digest language, then the others read: "fr (also reads en)".</summary>
    private static string Languages(Subscriber subscriber) =>
        subscriber.AlsoReads.Count == 0 ? subscriber.Language : $"{subscriber.Language} (also reads {string.Join(", ", subscriber.AlsoReads)})";
}
