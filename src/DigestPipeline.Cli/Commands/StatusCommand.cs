using System.CommandLine;
using System.Globalization;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Newsletters;
using DigestPipeline.Core.Repair;
using DigestPipeline.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary>
/// <c>digest status</c>: documents by state, the documents that matched no theme (never delivered), the latest
/// documents, queue and poison depths, the latest digests, then the feeds and the newsletter mailbox when there are any.
/// </summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show documents by state, the documents that matched no theme (not delivered), the latest documents with their ids, queue and poison-queue depths and the latest digests.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var services = environment.Services;
            var observer = ActivatorUtilities.CreateInstance<PipelineObserver>(services);
            AnsiConsole.MarkupLine($"Storage: {Markup.Escape(environment.Storage.Description)}");
            await HostHealthReport.PrintAsync(environment.Workspace, cancellationToken);

            var records = await observer.DocumentsAsync(cancellationToken);
            var documents = new Table().Title("Documents").AddColumns("State", "Count", "Latest");
            foreach (var group in records.GroupBy(r => r.Status).OrderBy(g => g.Key))
            {
                var latest = group.MaxBy(r => r.UpdatedAt)!;
                documents.AddRow(group.Key.ToString(), group.Count().ToString(CultureInfo.CurrentCulture),
                    Markup.Escape($"{latest.SourceName} ({latest.UpdatedAt:u}){(latest.Reason is null ? "" : ": " + latest.Reason)}"));
            }

            AnsiConsole.Write(documents);
            var repair = services.GetRequiredService<IOptions<RepairOptions>>().Value;
            var stuckAfter = repair.StuckAfter;
            var stuck = records.Where(r => repair.IsStuck(r, DateTimeOffset.UtcNow)).ToList();
            if (stuck.Count > 0)
            {
                AnsiConsole.MarkupLine($"[red]{stuck.Count} document(s) stuck[/] (no progress for over {stuckAfter}; oldest: {Markup.Escape(stuck.MinBy(r => r.UpdatedAt)!.SourceName)}): "
                                       + "the running host's repair pass sends them on, or run [bold]digest repair[/].");
            }

            PrintWithoutTheme(records);
            var recent = new Table().Title("Latest documents").AddColumns("Updated (UTC)", "State", "Upload", "Id", "Themes");
            foreach (var record in records.OrderByDescending(r => r.UpdatedAt).Take(10))
            {
                recent.AddRow($"{record.UpdatedAt:yyyy-MM-dd HH:mm:ss}", record.Status.ToString(), Markup.Escape(record.SourceName),
                    Markup.Escape(record.Id), Markup.Escape(ThemesOf(record) + Sampled(record)));
            }

            AnsiConsole.Write(recent);
            var queues = new Table().Title("Queues").AddColumns("Queue", "Messages");
            foreach (var queue in await observer.QueueDepthsAsync(cancellationToken))
                queues.AddRow(Markup.Escape(queue.Name), queue is { Failed: true, Depth: > 0 } ? $"[red]{queue.Depth}[/]" : queue.Depth.ToString(CultureInfo.CurrentCulture));
            AnsiConsole.Write(queues);
            await PrintDeliveriesAsync(services.GetRequiredService<IDeliveryLedger>(), 10, cancellationToken);
            if ((await services.GetRequiredService<ISourceStore>().ListAsync(cancellationToken)).Count > 0)
                await SourceCommand.PrintAsync(services.GetRequiredService<ISourceStore>(), cancellationToken);
            if ((await services.GetRequiredService<INewsletterStore>().ListMailboxesAsync(cancellationToken)).Count > 0)
                await NewslettersCommand.PrintAsync(services.GetRequiredService<INewsletterStore>(), cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>What <c>digest status</c> says of a summarized document that matched no theme of the taxonomy.</summary>
    public const string NoThemeLabel = "no theme: not delivered";

    /// <summary>
    /// Summarized documents that matched no theme of the taxonomy reach no subscriber: their count, and the 10
    /// latest with their language (a language the taxonomy has no keywords in is the usual cause).
    /// </summary>
    private static void PrintWithoutTheme(IReadOnlyList<DocumentRecord> records)
    {
        var withoutTheme = records.Where(r => r is { Status: DocumentStatus.Summarized, NoTheme: true }).OrderByDescending(r => r.UpdatedAt).ToList();
        if (withoutTheme.Count == 0) return;
        AnsiConsole.MarkupLine($"[yellow]{withoutTheme.Count.ToString(CultureInfo.CurrentCulture)} document(s) with {NoThemeLabel}[/] "
                               + "(no theme of the taxonomy matched them, so no subscriber gets them):");
        var table = new Table().Title(char.ToUpperInvariant(NoThemeLabel[0]) + NoThemeLabel[1..]).AddColumns("Updated (UTC)", "Upload", "Id", "Language");
        foreach (var record in withoutTheme.Take(10))
        {
            table.AddRow($"{record.UpdatedAt:yyyy-MM-dd HH:mm:ss}", Markup.Escape(record.SourceName), Markup.Escape(record.Id), Markup.Escape(record.Language ?? ""));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>The themes column: the theme ids, or for a document that matched none, <see cref="NoThemeLabel"/> (and the sections it was summarized under).</summary>
    private static string ThemesOf(DocumentRecord record) => record.NoTheme
        ? NoThemeLabel + (record.Themes is { Count: > 0 } discovered ? $" (discovered: {string.Join(", ", discovered)})" : "")
        : string.Join(", ", record.Themes ?? []);

    /// <summary>A document too long to be considered whole says so beside its themes, which come from a sample.</summary>
    private static string Sampled(DocumentRecord record) => record.Sample is { } sample
        ? string.Create(CultureInfo.InvariantCulture, $" (sampled: {sample.Considered:N0} of {sample.InText:N0} sentences)")
        : "";

    public static async Task PrintDeliveriesAsync(IDeliveryLedger ledger, int count, CancellationToken cancellationToken)
    {
        var table = new Table().Title("Latest digests").AddColumns("Delivery", "State", "Items", "Claimed (UTC)", "Message-ID");
        await foreach (var delivery in ledger.ListRecentAsync(count, cancellationToken))
        {
            table.AddRow(Markup.Escape(delivery.Id), delivery.State.ToString(), delivery.ItemCount.ToString(CultureInfo.CurrentCulture),
                $"{delivery.ClaimedAt:yyyy-MM-dd HH:mm:ss}", Markup.Escape(delivery.MessageId));
        }

        AnsiConsole.Write(table);
    }
}
