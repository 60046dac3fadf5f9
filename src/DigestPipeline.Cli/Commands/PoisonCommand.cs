using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest poison list [--json]</c> and <c>digest poison replay &lt;queue&gt; [--id id] [--all]</c>: dead-lettered work.</summary>
public static class PoisonCommand
{
    private static readonly JsonSerializerOptions Json = new(PipelineJson.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Create() => new("poison", "Inspect and replay messages that failed for good (the '-poison' queues).")
    {
        ListCommand(),
        ReplayCommand(),
    };

    private static Command ListCommand()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document (camelCase) for scripts" };
        var command = new Command("list", $"Every poison queue: its depth and, for its first {PoisonQueues.MaxListed} messages, id, insertion time, dequeue count, error and a preview.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var listings = await environment.Services.GetRequiredService<IFailedWork>().ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(listings, Json));
                return 0;
            }

            foreach (var listing in listings)
                Print(listing);
            return 0;
        });
        return command;
    }

    private static Command ReplayCommand()
    {
        var queue = new Argument<string>("queue") { Description = "The work queue to send the messages back to (ingest, summarize, digest)" };
        var id = new Option<string?>("--id") { Description = "Only this message (an id from 'digest poison list')" };
        var all = new Option<bool>("--all") { Description = "Every message of the queue's poison queue" };
        var command = new Command("replay", "Send poisoned messages back to their queue, once the cause of their failure is fixed; each leaves the poison queue only after it was sent.")
        {
            queue, id, all,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(id) is null == !result.GetValue(all))
                result.AddError("Give either --id <id> or --all.");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var poison = environment.Services.GetRequiredService<IFailedWork>();
            FailedWorkReplay result;
            try
            {
                result = await poison.ReplayAsync(parse.GetRequiredValue(queue), parse.GetValue(id), cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }

            AnsiConsole.MarkupLine($"[green]✓[/] {result.Replayed.Count} message(s) sent back to '{Markup.Escape(result.Queue)}'.");
            foreach (var refused in result.Refused)
                Console.Error.WriteLine($"Not replayed: {refused.Id}: {refused.Reason}");
            return result.Refused.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static void Print(FailedWorkListing listing)
    {
        var table = new Table()
            .Title($"{Markup.Escape(listing.PoisonQueue)}: {(listing.Depth > 0 ? $"[red]{listing.Depth}[/]" : "0")} message(s)")
            .AddColumns("Id", "Inserted (UTC)", "Dequeues", "Error", "Message");
        foreach (var message in listing.Messages)
        {
            table.AddRow(
                Markup.Escape(message.Id),
                $"{message.InsertedOn:yyyy-MM-dd HH:mm:ss}",
                message.DequeueCount?.ToString(CultureInfo.CurrentCulture) ?? "-",
                Markup.Escape(message.Error ?? (message.Shape == FailedMessageShape.Bare ? "(not recorded: see the host's logs)" : "-")),
                Markup.Escape(message.Preview));
        }

        AnsiConsole.Write(table);
        if (listing.Depth > listing.Messages.Count)
            AnsiConsole.MarkupLine($"  (first {listing.Messages.Count} shown)");
    }
}
