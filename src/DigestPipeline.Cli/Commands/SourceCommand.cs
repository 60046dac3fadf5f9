using System.CommandLine;
using System.Globalization;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest source add|list|remove|run</c>: the feeds the pipeline polls (the Sources table).</summary>
public static class SourceCommand
{
    public static Command Create()
    {
        var command = new Command("source", "Feeds (RSS, Atom, JSON Feed) polled for new items; each item's page becomes a document.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Run());
        return command;
    }

    private static Command Add()
    {
        var url = new Argument<string>("url") { Description = "The feed's address (http or https)" };
        var every = new Option<string?>("--every") { Description = "How often to poll it: 30m, 2h, 1d (default Sources__DefaultEvery, 30 minutes; at least 1m)" };
        var name = new Option<string?>("--name") { Description = "A name for it (default: the site's host)" };
        var command = new Command("add", "Declare a feed; adding the same address again changes nothing.") { url, every, name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetRequiredValue(url), UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            {
                AnsiConsole.MarkupLine("[red]Not an http or https address.[/]");
                return 2;
            }

            TimeSpan? interval = null;
            if (parse.GetValue(every) is { } text)
            {
                if (Interval.Parse(text) is not { } parsed || parsed < TimeSpan.FromMinutes(1))
                {
                    AnsiConsole.MarkupLine($"[red]--every {Markup.Escape(text)}: give a duration of at least 1m (90s, 30m, 2h, 1d).[/]");
                    return 2;
                }

                interval = parsed;
            }

            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var options = environment.Services.GetRequiredService<IOptions<SourceOptions>>().Value;
            var now = DateTimeOffset.UtcNow;
            var source = new FeedSource(FeedSource.IdFor(address), parse.GetValue(name) ?? address.Host, address, interval ?? options.DefaultEvery, now, now);
            var stored = await environment.Services.GetRequiredService<ISourceStore>().AddAsync(source, cancellationToken);
            AnsiConsole.MarkupLine(stored == source
                ? $"[green]✓[/] Added {Markup.Escape(stored.Name)} ({stored.Id}), polled every {stored.Every}; a running 'digest up' polls it at its next timer run, or run 'digest source run --now'."
                : $"Already there: {Markup.Escape(stored.Name)} ({stored.Id}), polled every {stored.Every}.");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "The feeds, with each one's state: last success, last error and its reason, items seen, next poll; then the items that failed.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            await PrintAsync(environment.Services.GetRequiredService<ISourceStore>(), cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>The sources table and the failed items (also part of <c>digest status</c>).</summary>
    public static async Task PrintAsync(ISourceStore store, CancellationToken cancellationToken)
    {
        var sources = await store.ListAsync(cancellationToken);
        var table = new Table().Title("Sources").AddColumns("Name", "Id", "Every", "Items seen", "Last success (UTC)", "Last error", "Next poll (UTC)");
        foreach (var s in sources.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var error = s.LastError is null ? "" : $"[red]{Markup.Escape(s.LastError)}[/] ({s.LastErrorAt:yyyy-MM-dd HH:mm}{(s.ConsecutiveFailures > 0 ? $", {s.ConsecutiveFailures} in a row" : ", since recovered")})";
            table.AddRow(Markup.Escape(s.Name), s.Id, s.Every.ToString(), s.ItemsSeen.ToString(CultureInfo.CurrentCulture),
                s.LastSuccessAt is { } ok ? $"{ok:yyyy-MM-dd HH:mm:ss}" : "never", error, $"{s.NextPollAt:yyyy-MM-dd HH:mm:ss}");
        }

        AnsiConsole.Write(table);
        var failed = await store.ListFailedItemsAsync(10, cancellationToken);
        if (failed.Count == 0) return;
        var items = new Table().Title("Items with a problem (latest 10)").AddColumns("When (UTC)", "Title", "Link", "Problem", "Uploaded");
        foreach (var item in failed)
        {
            items.AddRow($"{item.UpdatedAt:yyyy-MM-dd HH:mm:ss}", Markup.Escape(item.Title ?? ""), Markup.Escape(item.Link?.AbsoluteUri ?? ""),
                Markup.Escape(item.Error ?? ""), item.FromFeedContent ? "from the feed's content" : NotUploaded(item));
        }

        AnsiConsole.Write(items);
    }

    /// <summary>An item with nothing uploaded: whether the next polls try it again (<see cref="SourceItem.MaxAttempts"/>).</summary>
    private static string NotUploaded(SourceItem item) => item.WorthRetrying
        ? string.Create(CultureInfo.InvariantCulture, $"no; tried {item.Attempts} time(s), again at the next poll")
        : string.Create(CultureInfo.InvariantCulture, $"no; tried {item.Attempts} times, again when the feed changes it");

    private static Command Remove()
    {
        var which = new Argument<string>("source") { Description = "The source's name or id" };
        var command = new Command("remove", "Stop polling a feed (its documents stay).") { which };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = parse.GetRequiredValue(which);
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var store = environment.Services.GetRequiredService<ISourceStore>();
            var matches = (await store.ListAsync(cancellationToken)).Where(s => s.Id == wanted || s.Name == wanted).ToList();
            if (matches.Count > 1)
            {
                AnsiConsole.MarkupLine($"[red]{matches.Count} sources are named {Markup.Escape(wanted)}[/]: remove one by its id ({string.Join(", ", matches.Select(s => s.Id))}).");
                return 2;
            }

            if (matches.Count == 0 || !await store.RemoveAsync(matches[0].Id, cancellationToken))
            {
                AnsiConsole.MarkupLine($"No source {Markup.Escape(wanted)} (already removed?).");
                return 0;
            }

            AnsiConsole.MarkupLine($"[green]✓[/] Removed {Markup.Escape(matches[0].Name)} ({matches[0].Id}); its documents stay.");
            return 0;
        });
        return command;
    }

    private static Command Run()
    {
        var now = new Option<bool>("--now") { Description = "Poll every source now, due or not" };
        var command = new Command("run", "Poll the sources that are due (all of them with --now), as the running host's timer does.") { now };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var reports = await environment.Services.GetRequiredService<PollSourcesHandler>().PollAsync(DateTimeOffset.UtcNow, parse.GetValue(now), cancellationToken);
            foreach (var r in reports)
            {
                var outcome = r.Problem is not null ? $"[red]failed[/]: {Markup.Escape(r.Problem)}"
                    : r.NotModified ? "not modified"
                    : $"{r.NewItems} new or updated item(s){(r.FailedItems > 0 ? $", [red]{r.FailedItems} failed[/]" : "")}";
                AnsiConsole.MarkupLine($"{Markup.Escape(r.Source.Name)}: {outcome} ({r.Requests} request(s), {r.BodyBytes:N0} bytes); next poll {r.Source.NextPollAt:u}");
            }

            if (reports.Count == 0)
                AnsiConsole.MarkupLine("No source is due (use --now to poll them all).");
            return reports.Any(r => r.Problem is not null) ? 1 : 0;
        });
        return command;
    }
}

/// <summary>A duration as people write it: 90s, 30m, 2h, 1d, or a TimeSpan (00:30:00).</summary>
public static class Interval
{
    public static TimeSpan? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }
}
