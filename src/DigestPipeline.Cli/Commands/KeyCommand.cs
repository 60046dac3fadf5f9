using System.CommandLine;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest key add|list|revoke</c>: the upload API's keys (the ApiKeys table holds only their hashes).</summary>
public static class KeyCommand
{
    public static Command Create()
    {
        var command = new Command("key", "API keys for the upload API (POST /api/documents): each shown once at creation, stored hashed.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "Who or what the key is for (one line, unique among active keys)" };
        var command = new Command("add", "Create a key and print it once: it cannot be shown again.") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var (key, problem) = await environment.Services.GetRequiredService<ApiKeyRegistry>().AddAsync(parse.GetRequiredValue(name), cancellationToken);
            if (key is null)
            {
                AnsiConsole.MarkupLine($"[red]Not added[/]: {Markup.Escape(problem!)}.");
                return 2;
            }

            AnsiConsole.MarkupLine($"[green]✓[/] Key {key.Id} added. Send it in the X-Api-Key header; it is shown this once, only its hash is kept:");
            // Plain output, on its own line: the one thing a script reading this command needs.
            Console.Out.WriteLine(key.Key);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Every key: id, name, created, last used, revoked (never the key itself).");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var keys = await environment.Services.GetRequiredService<ApiKeyRegistry>().ListAsync(cancellationToken);
            var table = new Table().Title("API keys").AddColumns("Id", "Name", "Created (UTC)", "Last used (UTC)", "Revoked (UTC)");
            foreach (var key in keys)
            {
                table.AddRow(key.Id, Markup.Escape(key.Name), $"{key.CreatedAt:yyyy-MM-dd HH:mm:ss}",
                    key.LastUsedAt is { } used ? $"{used:yyyy-MM-dd HH:mm}" : "never",
                    key.RevokedAt is { } revoked ? $"[red]{revoked:yyyy-MM-dd HH:mm:ss}[/]" : "");
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Revoke()
    {
        var which = new Argument<string>("key") { Description = "The key's id, or its name" };
        var command = new Command("revoke", "Refuse a key from now on (its row stays, marked revoked).") { which };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = parse.GetRequiredValue(which);
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var revoked = await environment.Services.GetRequiredService<ApiKeyRegistry>().RevokeAsync(wanted, cancellationToken);
            if (revoked.Count == 0)
            {
                AnsiConsole.MarkupLine($"No active key {Markup.Escape(wanted)} (already revoked?).");
                return 0;
            }

            foreach (var key in revoked)
                AnsiConsole.MarkupLine($"[green]✓[/] Revoked {key.Id} ({Markup.Escape(key.Name)}).");
            return 0;
        });
        return command;
    }
}
