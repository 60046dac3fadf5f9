using System.CommandLine;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Removal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest remove &lt;document&gt;</c>: takes a document out of the pipeline (<see cref="RemoveDocumentHandler"/>).</summary>
public static class RemoveCommand
{
    public static Command Create()
    {
        var document = new Argument<string>("document") { Description = "The document's id, or the name it was uploaded under" };
        var command = new Command("remove", "Remove a document: its summaries, theme index entries, text and upload; later digests no longer show it.") { document };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = parse.GetRequiredValue(document);
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var services = environment.Services;
            var ids = new List<string>();
            await foreach (var record in services.GetRequiredService<IDocumentRecords>().ListRecordsAsync(cancellationToken))
            {
                if ((record.Id == wanted || record.SourceName == wanted) && record.Status != DocumentStatus.Removed)
                    ids.Add(record.Id);
            }

            if (ids.Count == 0)
            {
                AnsiConsole.MarkupLine($"[red]No document has the id or upload name[/] {Markup.Escape(wanted)} ('digest status' lists the latest).");
                return 1;
            }

            var handler = services.GetRequiredService<RemoveDocumentHandler>();
            foreach (var id in ids)
            {
                var removed = await handler.RemoveAsync(id, cancellationToken);
                AnsiConsole.MarkupLine($"[green]✓[/] Removed {Markup.Escape(id)} ({Markup.Escape(removed?.SourceName ?? wanted)}).");
            }

            return 0;
        });
        return command;
    }
}
