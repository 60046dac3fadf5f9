using System.CommandLine;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest send --now [--to address]</c>: plans a digest for the current minute, outside the subscribers' schedules.</summary>
public static class SendCommand
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromMinutes(5);

    public static Command Create()
    {
        var now = new Option<bool>("--now") { Description = "Send now, whatever the subscribers' schedules", Required = true };
        var to = new Option<string[]>("--to") { Description = "Only these addresses (default: every active subscriber)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("send", "Send digests now: what is new on each subscriber's themes since their last digest.") { now, to };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var addresses = parse.GetValue(to) ?? [];
            var subscriberIds = addresses.Length == 0 ? null : addresses.Select(Subscriber.IdFor).ToHashSet();

            // Without a running host, this process runs the digest queue until the digests are out.
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var services = environment.Services;

            // Summaries indexed in the last instants before a digest wait for the next one (DigestOptions.IndexSettleTime):
            // waiting that long first makes "now" include everything summarized before the command was run.
            await Task.Delay(services.GetRequiredService<IOptions<DigestOptions>>().Value.IndexSettleTime, cancellationToken);
            var planned = await services.GetRequiredService<PlanDigestsHandler>()
                .PlanNowAsync(services.GetRequiredService<TimeProvider>().GetUtcNow(), subscriberIds, cancellationToken);
            if (environment.Storage.SharedWithRunningHost)
            {
                AnsiConsole.MarkupLine($"[green]✓[/] {planned} digests queued; the running host sends them ('digest status' shows them).");
                return 0;
            }

            await environment.Host.StartAsync(cancellationToken);
            var observer = ActivatorUtilities.CreateInstance<PipelineObserver>(services);
            await Steps.StepAsync($"Sending {planned} digests", () => observer.WaitUntilIdleAsync(_ => true, SendTimeout, cancellationToken));
            await StatusCommand.PrintDeliveriesAsync(services.GetRequiredService<IDeliveryLedger>(), planned, cancellationToken);
            return 0;
        });
        return command;
    }
}
