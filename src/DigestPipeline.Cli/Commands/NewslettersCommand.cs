using System.CommandLine;
using System.Globalization;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Newsletters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest newsletters run|list</c>: the newsletter mailbox read over IMAP (<c>Newsletters__*</c> settings).</summary>
public static class NewslettersCommand
{
    public static Command Create()
    {
        var command = new Command("newsletters", "Newsletters forwarded to a mailbox, read over IMAP (Newsletters__Host and the other Newsletters__ settings).");
        command.Subcommands.Add(Run());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Run()
    {
        var command = new Command("run", "Read the mailbox now, as the running host's timer does, and print what became of each message.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var run = await environment.Services.GetRequiredService<ReadNewslettersHandler>().ReadAsync(DateTimeOffset.UtcNow, force: true, cancellationToken);
            if (run.Status == NewsletterRunStatus.Off)
            {
                AnsiConsole.MarkupLine("Newsletters are off: set Newsletters__Host (and Newsletters__User, __Password, __AllowedSenders__0) to read a mailbox.");
                return 2;
            }

            foreach (var message in run.Messages)
            {
                var what = message.BlobName is null ? "" : $"→ {Markup.Escape(message.BlobName)} \"{Markup.Escape(message.Title ?? "")}\"";
                if (message.Attachments > 0)
                    what += $"{(what.Length > 0 ? ", " : "→ ")}{message.Attachments.ToString(CultureInfo.CurrentCulture)} attachment(s)";
                var problem = message.Problem is null ? "" : $" [red]refused[/]: {Markup.Escape(message.Problem)}";
                AnsiConsole.MarkupLine($"{Markup.Escape(message.From ?? "(no sender)")}: {Markup.Escape(message.Subject ?? "(no subject)")} {what}{problem}; moved to {Markup.Escape(message.MovedTo)}");
            }

            if (run.Status == NewsletterRunStatus.Failed)
            {
                AnsiConsole.MarkupLine($"[red]The mailbox could not be read[/]: {Markup.Escape(run.Problem ?? "")}; the running host's timer tries again at {run.State!.NextRunAt:u}.");
                return 1;
            }

            if (run.Messages.Count == 0)
                AnsiConsole.MarkupLine("No new message.");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "The mailbox's state (last success, last error and its reason, messages taken and refused), then the latest refused messages with their reason. 'status' shows the same.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            await PrintAsync(environment.Services.GetRequiredService<INewsletterStore>(), cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>The mailbox table and the refused messages (also part of <c>digest status</c>, when a mailbox was ever read).</summary>
    public static async Task PrintAsync(INewsletterStore store, CancellationToken cancellationToken)
    {
        var mailboxes = await store.ListMailboxesAsync(cancellationToken);
        var table = new Table().Title("Newsletter mailbox").AddColumns("Mailbox", "Taken", "Refused", "Last success (UTC)", "Last error", "Next run (UTC)");
        foreach (var m in mailboxes.OrderBy(m => m.Mailbox, StringComparer.Ordinal))
        {
            var error = m.LastError is null ? "" : $"[red]{Markup.Escape(m.LastError)}[/] ({m.LastErrorAt:yyyy-MM-dd HH:mm}{(m.ConsecutiveFailures > 0 ? $", {m.ConsecutiveFailures} in a row" : ", since recovered")})";
            table.AddRow(Markup.Escape(m.Mailbox), m.MessagesTaken.ToString(CultureInfo.CurrentCulture), m.MessagesRefused.ToString(CultureInfo.CurrentCulture),
                m.LastSuccessAt is { } ok ? $"{ok:yyyy-MM-dd HH:mm:ss}" : "never", error, $"{m.NextRunAt:yyyy-MM-dd HH:mm:ss}");
        }

        AnsiConsole.Write(table);
        var refused = await store.ListProblemsAsync(10, cancellationToken);
        if (refused.Count == 0) return;
        var messages = new Table().Title("Newsletters refused, whole or in part (latest 10)").AddColumns("When (UTC)", "From", "Subject", "Reason", "Taken", "Moved to");
        foreach (var r in refused)
        {
            var taken = (r.BlobName is null ? "" : "text") + (r.Attachments > 0 ? $"{(r.BlobName is null ? "" : ", ")}{r.Attachments} attachment(s)" : "");
            messages.AddRow($"{r.HandledAt:yyyy-MM-dd HH:mm:ss}", Markup.Escape(r.From ?? ""), Markup.Escape(r.Subject ?? ""), Markup.Escape(r.Problem ?? ""),
                taken.Length == 0 ? "nothing" : taken, Markup.Escape(r.MovedTo));
        }

        AnsiConsole.Write(messages);
    }
}
