namespace DigestPipeline.Cli.Local;

/// <summary>
/// One <c>digest up</c> per workspace: an exclusive lock on <c>.digest/up.lock</c>, held for the host's lifetime
/// and released by the operating system when the process ends, however it ends (so a killed host never blocks the
/// next one, unlike a record file alone). .NET takes <see cref="FileShare.None"/> as an advisory <c>flock</c> on Unix.
/// </summary>
public sealed class WorkspaceHostLock : IDisposable
{
    private readonly FileStream _file;

    private WorkspaceHostLock(FileStream file) => _file = file;

    /// <returns>The lock, or null when another process holds it.</returns>
    public static WorkspaceHostLock? TryAcquire(Workspace workspace)
    {
        Directory.CreateDirectory(workspace.DataDirectory);
        try
        {
            return new WorkspaceHostLock(new FileStream(Path.Combine(workspace.DataDirectory, "up.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
