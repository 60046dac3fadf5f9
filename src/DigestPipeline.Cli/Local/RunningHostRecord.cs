using System.Diagnostics;
using System.Text.Json;

namespace DigestPipeline.Cli.Local;

/// <summary>
/// <c>.digest/running-host.json</c>: the <c>digest up</c> of this workspace while it runs: its process, the Azurite it
/// owns (null on a configured account) and where it serves its pages (<c>/readyz</c> included). Other commands use
/// its Azurite and ask it for its health; the host deletes it when it stops, and a record whose process is gone
/// (a killed host) is ignored.
/// </summary>
public sealed record RunningHostRecord(int ProcessId, string? ConnectionString, IReadOnlyList<string> Urls, DateTimeOffset StartedAt)
{
    public static string PathIn(Workspace workspace) => Path.Combine(workspace.DataDirectory, "running-host.json");

    /// <returns>The record of a live host, or null.</returns>
    public static RunningHostRecord? TryRead(Workspace workspace)
    {
        var path = PathIn(workspace);
        RunningHostRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<RunningHostRecord>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null; // no host, or a record half-written by a host being killed
        }

        return record is not null && IsAlive(record.ProcessId) ? record : null;
    }

    public void Write(Workspace workspace)
    {
        Directory.CreateDirectory(workspace.DataDirectory);
        var path = PathIn(workspace);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this));
        File.Move(temporary, path, overwrite: true); // readers never see half a record
    }

    /// <summary>Deletes the record if it is this process's (a second host never deletes the first one's).</summary>
    public static void DeleteOwn(Workspace workspace)
    {
        var path = PathIn(workspace);
        try
        {
            var record = JsonSerializer.Deserialize<RunningHostRecord>(File.ReadAllText(path));
            if (record?.ProcessId == Environment.ProcessId)
                File.Delete(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            // Nothing of ours to delete.
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process: the record is left over from a host that was killed
        }
    }
}
