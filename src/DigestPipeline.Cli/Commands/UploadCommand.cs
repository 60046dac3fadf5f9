using System.CommandLine;
using Azure.Storage.Blobs;
using DigestPipeline.Cli.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest upload &lt;files…&gt;</c>: puts files into the <c>incoming</c> container.</summary>
public static class UploadCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Documents to upload (.txt, .md)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("upload", "Upload documents to the 'incoming' container; a running 'digest up' (or Event Grid in Azure) ingests them.") { files };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetRequiredValue(files);
            var missing = paths.Where(f => !f.Exists).ToList();
            if (missing.Count > 0)
            {
                AnsiConsole.MarkupLine($"[red]No such file:[/] {Markup.Escape(string.Join(", ", missing.Select(f => f.FullName)))}");
                return 2;
            }

            await using var environment = await CommandEnvironment.OpenAsync(runTriggers: false, announceAsRunningHost: false, LogLevel.Warning, cancellationToken);
            var blobs = environment.Services.GetRequiredService<BlobServiceClient>();
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Uploading {paths.Length} files to 'incoming'", maxValue: paths.Length);
                foreach (var file in paths)
                {
                    await DocumentUpload.UploadAsync(blobs, file.FullName, cancellationToken);
                    task.Increment(1);
                }
            });
            AnsiConsole.MarkupLine(environment.Storage.SharedWithRunningHost
                ? "[green]✓[/] Uploaded; the running host is ingesting them ('digest status' shows progress)."
                : "[green]✓[/] Uploaded. No local host is running: start 'digest up' to ingest them.");
            return 0;
        });
        return command;
    }
}
