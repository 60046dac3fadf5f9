using System.CommandLine;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Repair;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest repair</c>: the repair pass on demand (the running host also runs it on its timer).</summary>
public static class RepairCommand
{
    public static Command Create()
    {
        var stuckAfter = new Option<TimeSpan?>("--stuck-after")
        {
            Description = "Take as stuck what made no progress for this long (default: Repair__StuckAfter, 10 minutes); 0 after a crash you know of",
        };
        var command = new Command("repair", "Send on again what a lost message left behind: uploads never ingested, documents stuck before their summaries, summaries that went missing.")
        {
            stuckAfter,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(stuckAfter) is { } after)
                overrides[$"{RepairOptions.Section}:{nameof(RepairOptions.StuckAfter)}"] = (after < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : after).ToString();
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken, overrides: overrides);
            var handler = environment.Services.GetRequiredService<RepairHandler>();
            var report = await handler.RepairAsync(DateTimeOffset.UtcNow, cancellationToken);
            var settings = environment.Services.GetRequiredService<IOptions<RepairOptions>>().Value;
            AnsiConsole.MarkupLine($"Repair on {Markup.Escape(environment.Storage.Description)} (stuck after {settings.StuckAfter}):");
            AnsiConsole.MarkupLine($"  uploads published again: {report.UploadsRepublished}");
            AnsiConsole.MarkupLine($"  documents sent to summarize again: {report.SummarizeResent}");
            AnsiConsole.MarkupLine($"  documents whose upload was ingested again (text missing): {report.IngestResent}");
            AnsiConsole.MarkupLine($"  subscribers placed back in the due index: {report.SubscribersRescheduled}");
            if (report.Unrepairable > 0)
                AnsiConsole.MarkupLine($"  [red]documents with neither text nor upload: {report.Unrepairable}[/] (named in the log above; upload them again)");
            if (report.Deferred > 0)
                AnsiConsole.MarkupLine($"  left for the next pass (over {settings.MaxActionsPerRun} actions): {report.Deferred}");
            if (!environment.Storage.SharedWithRunningHost && report.Actions > 0)
                AnsiConsole.MarkupLine("  No 'digest up' is running here: start it to process what was sent on.");
            return 0;
        });
        return command;
    }
}
