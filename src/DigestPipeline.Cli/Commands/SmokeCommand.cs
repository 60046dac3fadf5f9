using System.CommandLine;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest smoke</c>: is the deployed (or locally running) pipeline alive end to end? Exit 0 when every check passed.</summary>
public static class SmokeCommand
{
    public static Command Create()
    {
        var subscribeUrl = new Option<string?>("--subscribe-url")
        {
            Description = "The subscribe page to fetch (default: Subscriptions__PublicBaseUrl + /subscribe)",
        };
        subscribeUrl.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                result.AddError($"--subscribe-url '{url}' is not an absolute http(s) address.");
        });
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long to wait for the document's summary (default 5 minutes: a Flex Consumption app may start cold)",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(5),
        };
        var keep = new Option<bool>("--keep") { Description = "Leave the smoke document in place instead of removing it" };
        var command = new Command("smoke", "Check a running pipeline end to end: upload a small document, wait for its summary, check ingest-poison, fetch the subscribe page.")
        {
            subscribeUrl,
            timeout,
            keep,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            if (environment.Storage.ConnectionString is not null && !environment.Storage.SharedWithRunningHost)
            {
                AnsiConsole.MarkupLine("[red]Nothing to check:[/] no storage account is configured (Storage__AccountName, Storage__ConnectionString) and no 'digest up' runs here.");
                return 2;
            }

            var page = parse.GetValue(subscribeUrl) is { } url
                ? new Uri(url)
                : new Uri(environment.Services.GetRequiredService<IOptions<SubscriptionOptions>>().Value.PublicBaseUrl.TrimEnd('/') + "/subscribe");
            AnsiConsole.MarkupLine($"Smoke check of {Markup.Escape(environment.Storage.Description)}:");
            var check = ActivatorUtilities.CreateInstance<SmokeCheck>(environment.Services);
            var findings = await check.RunAsync(page, parse.GetValue(timeout), parse.GetValue(keep), line => AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(line)}[/]"), cancellationToken);
            foreach (var finding in findings)
                AnsiConsole.MarkupLine($"  {(finding.Passed ? "[green]✓[/]" : "[red]✗[/]")} {Markup.Escape(finding.Check)}: {Markup.Escape(finding.Detail)}");
            var failed = findings.Count(f => !f.Passed);
            AnsiConsole.MarkupLine(failed == 0 ? "[green]Smoke check passed.[/]" : $"[red]Smoke check failed: {failed} of {findings.Count} checks.[/]");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
