using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DigestPipeline.Core.Pipeline;
using Spectre.Console;

namespace DigestPipeline.Cli.Local;

/// <summary>The health of this workspace's running <c>digest up</c>, read from its <c>/readyz</c>, for <c>digest status</c>.</summary>
public static class HostHealthReport
{
    public static async Task PrintAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        if (RunningHostRecord.TryRead(workspace) is not { } host)
        {
            AnsiConsole.MarkupLine("Host: no 'digest up' running in this workspace.");
            return;
        }

        var readyz = host.Urls.Select(u => u.TrimEnd('/') + "/readyz").FirstOrDefault();
        if (readyz is null)
        {
            AnsiConsole.MarkupLine($"Host: 'digest up' (process {host.ProcessId}) is starting.");
            return;
        }

        HealthSnapshot? snapshot;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.GetAsync(readyz, cancellationToken);
            snapshot = await response.Content.ReadFromJsonAsync<HealthSnapshot>(new JsonSerializerOptions(JsonSerializerDefaults.Web), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            AnsiConsole.MarkupLine($"Host: 'digest up' (process {host.ProcessId}) [red]does not answer[/] at {Markup.Escape(readyz)}: {Markup.Escape(e.Message)}");
            return;
        }

        if (snapshot is null)
            return;
        var storage = snapshot.StorageFailingSince is { } since
            ? $"[red]unreachable since {since:u}[/] ({(snapshot.At - since):hh\\:mm\\:ss})"
            : "[green]reachable[/]";
        AnsiConsole.MarkupLine($"Host: 'digest up' (process {host.ProcessId}, up since {snapshot.StartedAt:u}), {(snapshot.Ready ? "[green]ready[/]" : "[red]not ready[/]")}; storage {storage}");
        var loops = new Table().Title("Host loops").AddColumns("Loop", "Ready", "Last successful turn (UTC)", "Failing since", "Outages", "Last error");
        foreach (var loop in snapshot.Loops)
        {
            loops.AddRow(Markup.Escape(loop.Name), loop.Ready ? "yes" : "[red]no[/]", $"{loop.LastSuccess:yyyy-MM-dd HH:mm:ss}",
                $"{loop.FailingSince:yyyy-MM-dd HH:mm:ss}", loop.Outages.ToString(CultureInfo.CurrentCulture), Markup.Escape(loop.LastError ?? ""));
        }

        AnsiConsole.Write(loops);
    }
}
