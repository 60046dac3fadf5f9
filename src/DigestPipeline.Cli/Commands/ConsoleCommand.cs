using System.CommandLine;
using DigestPipeline.Cli.Local;
using DigestPipeline.Web.Console;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary>
/// <c>digest console</c>: a new one-time login link to the operator console of this workspace's running host (the
/// link <c>digest up</c> printed works once; another browser, or the same one after logging out, needs another).
/// </summary>
public static class ConsoleCommand
{
    public static Command Create()
    {
        var command = new Command("console", "Print a new one-time login link to the operator console of the running 'digest up'.");
        command.SetAction(async (_, cancellationToken) =>
        {
            if (RunningHostRecord.TryRead(Workspace.Find()) is not { Urls.Count: > 0 } running)
            {
                await Console.Error.WriteLineAsync("digest console: no 'digest up' is serving pages in this workspace. Start it; it prints a login link.");
                return 1;
            }

            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            AnsiConsole.MarkupLine($"Operator console (the link works once): {Markup.Escape(LoginLink(environment.Services, running.Urls))}");
            return 0;
        });
        return command;
    }

    /// <summary>A login link on the first of the host's addresses.</summary>
    public static string LoginLink(IServiceProvider services, IReadOnlyList<string> urls) =>
        services.GetRequiredService<ConsoleApp>().LoginLink(urls[0]);
}
