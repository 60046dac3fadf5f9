using System.CommandLine;
using Azure.Storage.Blobs;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary>
/// <c>digest upload &lt;files or https://…&gt;</c>: puts files into the <c>incoming</c> container; an http(s) address
/// is fetched and its main content uploaded as a feed item's would be (<see cref="SourcePoller.ImportPageAsync"/>).
/// </summary>
public static class UploadCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("files") { Description = "Documents to upload (.txt, .md, .html, .pdf, .docx), or web pages' https:// addresses", Arity = ArgumentArity.OneOrMore };
        var command = new Command("upload", "Upload documents (or fetch web pages) to the 'incoming' container; a running 'digest up' (or Event Grid in Azure) ingests them.") { inputs };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var all = parse.GetRequiredValue(inputs);
            var pages = all.Where(IsWebAddress).Select(a => new Uri(a)).ToList();
            var paths = all.Where(a => !IsWebAddress(a)).Select(a => new FileInfo(a)).ToList();
            var missing = paths.Where(f => !f.Exists).ToList();
            if (missing.Count > 0)
            {
                AnsiConsole.MarkupLine($"[red]No such file:[/] {Markup.Escape(string.Join(", ", missing.Select(f => f.FullName)))}");
                return 2;
            }

            // Refused before anything is stored, with the reason ingest would give (the same checks, on the file's start).
            var refused = paths.Select(f => DocumentUpload.RefusedFormat(f.FullName)).OfType<string>().ToList();
            foreach (var reason in refused)
                AnsiConsole.MarkupLine($"[red]✗ Not uploaded:[/] {Markup.Escape(reason)}");
            if (refused.Count > 0)
            {
                AnsiConsole.MarkupLine("Nothing was uploaded.");
                return 2;
            }

            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var blobs = environment.Services.GetRequiredService<BlobServiceClient>();
            if (paths.Count > 0)
            {
                await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Uploading {paths.Count} files to 'incoming'", maxValue: paths.Count);
                    foreach (var file in paths)
                    {
                        await DocumentUpload.UploadAsync(blobs, file.FullName, cancellationToken);
                        task.Increment(1);
                    }
                });
            }

            var failed = 0;
            var poller = environment.Services.GetRequiredService<SourcePoller>();
            foreach (var page in pages)
            {
                var imported = await poller.ImportPageAsync(page, cancellationToken);
                if (imported.Problem is { } problem)
                {
                    failed++;
                    AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(page.AbsoluteUri)}: {Markup.Escape(problem)}");
                }
                else
                {
                    AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(page.AbsoluteUri)}: \"{Markup.Escape(imported.Title ?? "")}\" uploaded as {Markup.Escape(imported.BlobName!)} (document {imported.DocumentId})");
                }
            }

            if (failed == all.Length)
                return 1;
            AnsiConsole.MarkupLine(environment.Storage.SharedWithRunningHost
                ? "[green]✓[/] Uploaded; the running host is ingesting them ('digest status' shows progress)."
                : "[green]✓[/] Uploaded. No local host is running: start 'digest up' to ingest them.");
            return failed > 0 ? 1 : 0;
        });
        return command;
    }

    private static bool IsWebAddress(string argument) =>
        (argument.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || argument.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(argument, UriKind.Absolute, out _);
}
