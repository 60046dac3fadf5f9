namespace DigestPipeline.LocalHost.Azurite;

/// <param name="Location">Folder for persistent data; null keeps everything in memory (tests).</param>
/// <param name="StartDirectory">Where to start looking for the repository's <c>tools/</c>; null: the application's folder.</param>
/// <param name="StartTimeout">How long to wait for the three services to listen.</param>
/// <param name="BlobPort">0 for a free port; a fixed one to restart a stopped Azurite where its clients expect it.</param>
public sealed record AzuriteServerOptions(
    string? Location = null, string? StartDirectory = null, TimeSpan? StartTimeout = null, int BlobPort = 0, int QueuePort = 0, int TablePort = 0)
{
    /// <summary>
    /// Azurite listens within about 2 s on an idle machine; on a loaded one (load average 16–20 on 2 cores) 30 s was
    /// seen not to be enough. Waiting longer costs nothing when it starts quickly.
    /// </summary>
    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromMinutes(2);

    public static AzuriteServerOptions InMemory { get; } = new();
}
