using System.CommandLine;
using DigestPipeline.Cli.Local;
using DigestPipeline.Hosting;
using DigestPipeline.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary>
/// <c>digest up</c>: the long-lived local host: blob watcher, queue pump, timers and the subscriber pages, until
/// Ctrl+C or SIGTERM (exit 0). One per workspace: a second one says where the first runs and exits 2. If the host
/// stops by itself (a loop failed in a way no retry can mend), the process exits 1 and removes its record: it
/// never stays half-alive.
/// </summary>
public static class UpCommand
{
    public const int AlreadyRunning = 2;
    public const int HostFailed = 1;

    public static Command Create()
    {
        var command = new Command("up", "Run the local host: watch 'incoming', process the queues, send digests on the subscribers' schedules. Ctrl+C stops it.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var workspace = Workspace.Find();
            using var hostLock = WorkspaceHostLock.TryAcquire(workspace);
            if (hostLock is null)
                return ReportAlreadyRunning(workspace);

            try
            {
                await using var environment = await CommandEnvironment.OpenAsync(runTriggers: true, announceAsRunningHost: true, LogLevel.Information, cancellationToken, serveSubscriberPages: true);
                var pages = environment.Host.PageAddresses();
                new RunningHostRecord(Environment.ProcessId, environment.Storage.ConnectionString, pages, DateTimeOffset.UtcNow).Write(workspace);
                AnsiConsole.MarkupLine($"[green]✓[/] Local host running on {Markup.Escape(environment.Storage.Description)}.");
                var site = pages.Count > 0 ? pages[0].TrimEnd('/') : "";
                AnsiConsole.MarkupLine($"[green]✓[/] Subscriber pages on {Markup.Escape(string.Join(", ", pages))}: the landing page and sign-up at {Markup.Escape(site)}/ (also /subscribe); /healthz, /readyz.");
                if (pages.Count > 0)
                {
                    // The link on a line of its own: a terminal may wrap a long line, and a copied link must be whole.
                    AnsiConsole.MarkupLine($"[green]✓[/] Operator console at {Markup.Escape(site)}/console; this login link works once ([bold]digest console[/] prints another):");
                    Console.WriteLine("  " + ConsoleCommand.LoginLink(environment.Services, pages));
                }
                AnsiConsole.MarkupLine($"[green]✓[/] Upload API at {Markup.Escape(site)}/api/documents (a key from [bold]digest key add <name>[/]).");
                AnsiConsole.MarkupLine($"[green]✓[/] Mail goes {Markup.Escape(MailDestination(environment.Services))}.");
                AnsiConsole.MarkupLine("  Upload documents with [bold]digest upload <files>[/] or any storage tool; Ctrl+C stops.");
                var exitCode = await WaitForStopAsync(environment.Services, cancellationToken);
                AnsiConsole.MarkupLine(exitCode == 0 ? "Stopping…" : "[red]The host stopped by itself (see the error above); exiting with code 1.[/]");
                return exitCode;
            }
            catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync($"digest up: {e.Message}. Another program listens there; set Web__Urls to a free address (e.g. http://127.0.0.1:7072).");
                return AlreadyRunning;
            }
            finally
            {
                RunningHostRecord.DeleteOwn(workspace);
            }
        });
        return command;
    }

    /// <summary>
    /// Waits until the host stops: 0 after Ctrl+C or SIGTERM, <see cref="HostFailed"/> when it stopped because one of
    /// its loops ended in an exception (the host stops itself then). The signal reaches both the host and this
    /// command, in either order, so it is the loops' state that tells the two apart, not which one came first.
    /// </summary>
    public static async Task<int> WaitForStopAsync(IServiceProvider services, CancellationToken stopRequested)
    {
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        await using var requested = stopRequested.Register(() => stopping.TrySetResult());
        await stopping.Task;
        var failed = services.GetServices<IHostedService>().OfType<BackgroundService>().Any(loop => loop.ExecuteTask is { IsFaulted: true });
        return failed ? HostFailed : 0;
    }

    private static int ReportAlreadyRunning(Workspace workspace)
    {
        var running = RunningHostRecord.TryRead(workspace);
        var where = running is null
            ? "another process holds .digest/up.lock"
            : $"process {running.ProcessId}, pages on {(running.Urls.Count == 0 ? "(starting)" : string.Join(", ", running.Urls))}";
        Console.Error.WriteLine($"digest up: a host is already running in this workspace ({where}). Stop it first (Ctrl+C in its terminal), or use it: upload, status and send work with it.");
        return AlreadyRunning;
    }

    /// <summary>Where digests and sign-up mail go: the SMTP server, or the pickup folder's full path.</summary>
    private static string MailDestination(IServiceProvider services)
    {
        var smtp = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        return string.IsNullOrEmpty(smtp.Host)
            ? $"to files in {Path.GetFullPath(services.GetRequiredService<IOptions<MailOptions>>().Value.PickupDirectory)} (one .eml and an .html preview per message; set Mail__Smtp__Host to send)"
            : $"to the SMTP server {smtp}";
    }
}
