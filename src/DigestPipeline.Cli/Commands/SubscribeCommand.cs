using System.CommandLine;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Themes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest subscribe [--file …]</c>: loads subscribers into the Subscribers table.</summary>
public static class SubscribeCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo?>("--file") { Description = "Subscribers file (default: seeds/subscribers.json)" };
        var command = new Command("subscribe", "Load subscribers (address, themes, language and the others read, schedule, time zone) from a JSON file.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var path = parse.GetValue(file)?.FullName ?? environment.Workspace.SubscribersFile;
            var services = environment.Services;
            var subscribers = await SubscriberRegistration.LoadAsync(path, services.GetRequiredService<ISubscriberStore>(),
                services.GetRequiredService<ThemeTaxonomy>(), services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);

            var table = new Table().AddColumns("Subscriber", "Lang", "Themes", "Schedule", "Next digest (UTC)");
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            foreach (var subscriber in subscribers)
            {
                table.AddRow(Markup.Escape($"{subscriber.DisplayName} <{subscriber.Email}>"), string.Join("+", [subscriber.Language, .. subscriber.AlsoReads]),
                    Markup.Escape(string.Join(", ", subscriber.Themes)), Markup.Escape($"{subscriber.Schedule} ({subscriber.TimeZone})"),
                    $"{DigestSchedule.For(subscriber).Next(now):yyyy-MM-dd HH:mm}");
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[green]✓[/] {subscribers.Count} subscribers loaded from {Markup.Escape(path)}");
            return 0;
        });
        return command;
    }
}
