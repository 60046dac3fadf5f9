using System.CommandLine;
using Azure.Storage.Blobs;
using DigestPipeline.Cli.Local;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Themes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DigestPipeline.Cli.Commands;

/// <summary><c>digest demo</c>: the whole pipeline on the sample documents and subscribers of <c>seeds/</c>, from an empty local account.</summary>
public static class DemoCommand
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

    public static Command Create()
    {
        var command = new Command("demo", "Run the pipeline on seeds/: upload the sample documents, summarize them by theme and send each sample subscriber a digest.");
        command.SetAction((_, cancellationToken) => RunAsync(cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var workspace = Workspace.Find();
        var demoDirectory = Path.Combine(workspace.DataDirectory, "demo");
        var pickupDirectory = Path.Combine(demoDirectory, "mail");
        AnsiConsole.Write(new Rule("[bold]DigestPipeline demo[/]").LeftJustified());
        await using var environment = await Steps.StepAsync("Starting local storage (the first run installs Azurite from tools/ with npm ci)", () =>
            CommandEnvironment.OpenAsync(runTriggers: true, announceAsRunningHost: false, LogLevel.Warning, cancellationToken,
                freshLocation: Path.Combine(demoDirectory, "azurite"),
                overrides: new Dictionary<string, string?> { ["Mail:PickupDirectory"] = pickupDirectory }));
        Steps.Done($"Storage: {environment.Storage.Description}");
        var smtpHost = environment.Configuration["Mail:Smtp:Host"];
        if (string.IsNullOrEmpty(smtpHost) && Directory.Exists(pickupDirectory))
            Directory.Delete(pickupDirectory, recursive: true);

        var services = environment.Services;
        var time = services.GetRequiredService<TimeProvider>();
        var observer = ActivatorUtilities.CreateInstance<PipelineObserver>(services);

        var subscribers = await SubscriberRegistration.LoadAsync(workspace.SubscribersFile, services.GetRequiredService<ISubscriberStore>(),
            services.GetRequiredService<ThemeTaxonomy>(), time.GetUtcNow(), cancellationToken);
        Steps.Done($"Loaded {subscribers.Count} subscribers from {Path.GetRelativePath(workspace.Root, workspace.SubscribersFile)}");

        var files = Directory.GetFiles(workspace.SeedDocumentsDirectory).Order(StringComparer.Ordinal).ToList();
        var blobs = services.GetRequiredService<BlobServiceClient>();
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"Uploading {files.Count} documents to 'incoming'", maxValue: files.Count);
            foreach (var file in files)
            {
                await DocumentUpload.UploadAsync(blobs, file, cancellationToken);
                task.Increment(1);
            }
        });

        await Steps.StepAsync("Ingesting and summarizing (blob watcher → ingest → summarize)", () =>
            observer.WaitUntilIdleAsync(records => records.Count(r => r.Status is DocumentStatus.Summarized or DocumentStatus.Rejected) >= files.Count,
                StepTimeout, cancellationToken));
        var records = await observer.DocumentsAsync(cancellationToken);
        await PrintDocumentsAsync(records, services.GetRequiredService<ISummaryStore>(), cancellationToken);

        // Summaries indexed in the last instants before a digest wait for the next one (DigestOptions.IndexSettleTime).
        await Task.Delay(services.GetRequiredService<IOptions<DigestOptions>>().Value.IndexSettleTime, cancellationToken);
        var planned = await services.GetRequiredService<PlanDigestsHandler>().PlanNowAsync(time.GetUtcNow(), null, cancellationToken);
        await Steps.StepAsync($"Composing and sending {planned} digests (digest queue → ledger → mail)", () =>
            observer.WaitUntilIdleAsync(_ => true, StepTimeout, cancellationToken));
        await PrintDeliveriesAsync(services.GetRequiredService<IDeliveryLedger>(), subscribers,
            string.IsNullOrEmpty(smtpHost) ? pickupDirectory : null, workspace, cancellationToken);

        var depths = await observer.QueueDepthsAsync(cancellationToken);
        foreach (var queue in depths.Where(d => d.Depth > 0))
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(queue.Name)} holds {queue.Depth} messages[/] (see 'digest status')");

        AnsiConsole.WriteLine();
        if (string.IsNullOrEmpty(smtpHost))
        {
            AnsiConsole.MarkupLine($"Digests are in [bold]{Markup.Escape(Path.GetRelativePath(workspace.Root, pickupDirectory))}[/]: "
                                   + "open an [bold].html[/] file in a browser, or an [bold].eml[/] file in a mail client.");
        }
        else
        {
            AnsiConsole.MarkupLine($"Digests sent to the SMTP server [bold]{Markup.Escape(smtpHost)}:{Markup.Escape(environment.Configuration["Mail:Smtp:Port"] ?? "25")}[/].");
        }

        return depths.Any(d => d.Depth > 0) ? 1 : 0;
    }

    private static async Task PrintDocumentsAsync(IReadOnlyList<DocumentRecord> records, ISummaryStore summaries, CancellationToken cancellationToken)
    {
        AnsiConsole.WriteLine();
        foreach (var record in records.OrderBy(r => r.SourceName, StringComparer.Ordinal))
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(record.Title ?? record.SourceName)}[/]");
            AnsiConsole.MarkupLine($"  {Markup.Escape(record.SourceName)} · {Markup.Escape(record.Language ?? "?")} · {record.Status.ToString().ToLowerInvariant()}"
                                   + (record.Reason is null ? "" : $" · {Markup.Escape(record.Reason)}"));
            if (record.Status != DocumentStatus.Summarized || await summaries.GetAsync(record.Id, cancellationToken) is not { } summary)
                continue;
            foreach (var theme in summary.Themes)
            {
                var first = theme.Sentences.MaxBy(s => s.Score);
                AnsiConsole.MarkupLine($"  [green]•[/] [bold]{Markup.Escape(theme.Label(summary.Language))}[/]"
                                       + (first is null ? "" : $" [dim]({Markup.Escape(first.Section)})[/] “{Markup.Escape(Shorten(first.Text, 110))}”"));
            }
        }

        AnsiConsole.WriteLine();
    }

    private static async Task PrintDeliveriesAsync(IDeliveryLedger ledger, IReadOnlyList<Subscriber> subscribers, string? pickupDirectory, Workspace workspace, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, Delivery>();
        await foreach (var delivery in ledger.ListRecentAsync(100, cancellationToken))
            latest.TryAdd(delivery.SubscriberId, delivery);
        AnsiConsole.WriteLine();
        foreach (var subscriber in subscribers)
        {
            var state = latest.TryGetValue(subscriber.Id, out var delivery)
                ? delivery.State == DeliveryState.Sent ? $"sent, {delivery.ItemCount} items" : delivery.State.ToString()
                : "not sent";
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(subscriber.DisplayName)}[/] <{Markup.Escape(subscriber.Email)}> · {string.Join("+", [subscriber.Language, .. subscriber.AlsoReads])} · {Markup.Escape(string.Join(", ", subscriber.Themes))}");
            AnsiConsole.MarkupLine($"  digest: {Markup.Escape(state)}");
            if (pickupDirectory is not null && delivery is { State: DeliveryState.Sent } && Directory.Exists(pickupDirectory))
            {
                foreach (var file in Directory.GetFiles(pickupDirectory).Where(f => Path.GetFileName(f).Contains(subscriber.Id, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                    AnsiConsole.MarkupLine($"  {Markup.Escape(Path.GetRelativePath(workspace.Root, file))}");
            }
        }

        AnsiConsole.WriteLine();
    }

    /// <summary>One line (a sentence can span the source's line breaks), cut at <paramref name="length"/>.</summary>
    private static string Shorten(string text, int length)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= length ? text : text[..(length - 1)] + "…";
    }
}
