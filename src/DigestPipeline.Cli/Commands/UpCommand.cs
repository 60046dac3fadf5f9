using System.CommandLine;
using DigestPipeline.Cli.Local;
using DigestPipeline.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest up</c>: the long-lived local host: blob watcher, queue pump, digest timer and the subscriber pages, until Ctrl+C.</summary>
public static class UpCommand
{
    public static Command Create()
    {
        var command = new Command("up", "Run the local host: watch 'incoming', process the queues, send digests on the subscribers' schedules. Ctrl+C stops it.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: true, announceAsRunningHost: true, LogLevel.Information, cancellationToken, serveSubscriberPages: true);
            AnsiConsole.MarkupLine($"[green]✓[/] Local host running on {Markup.Escape(environment.Storage.Description)}.");
            var pages = environment.Services.GetRequiredService<SubscriberWebServer>().Addresses;
            AnsiConsole.MarkupLine($"[green]✓[/] Subscriber pages (unsubscribe, view digest, source page) on {Markup.Escape(string.Join(", ", pages))}.");
            AnsiConsole.MarkupLine("  Upload documents with [bold]digest upload <files>[/] or any storage tool; Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                AnsiConsole.MarkupLine("Stopping…");
            }

            return 0;
        });
        return command;
    }
}
