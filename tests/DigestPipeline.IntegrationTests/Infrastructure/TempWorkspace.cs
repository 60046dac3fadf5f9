using DigestPipeline.IntegrationTests.Cli;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A workspace of its own for a <c>digest</c> child process: a temporary folder with the repository's
/// <c>host.json</c>, <c>seeds/</c> and a link to its <c>tools/</c> (the pinned Azurite), so that its <c>.digest/</c>
/// (the one-host lock, the running-host record, Azurite's data) belongs to that test alone.
/// </summary>
internal sealed class TempWorkspace : IDisposable
{
    private TempWorkspace(string root) => Root = root;

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, ".digest");

    public string RunningHostFile => Path.Combine(DataDirectory, "running-host.json");

    public static TempWorkspace Create()
    {
        var repository = DigestCommand.RepositoryRoot();
        var root = Directory.CreateTempSubdirectory("digest-workspace-").FullName;
        File.Copy(Path.Combine(repository, "host.json"), Path.Combine(root, "host.json"));
        CopyDirectory(Path.Combine(repository, "seeds"), Path.Combine(root, "seeds"));
        Directory.CreateSymbolicLink(Path.Combine(root, "tools"), Path.Combine(repository, "tools"));
        return new TempWorkspace(root);
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(source))
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process still writing; the folder is in the temporary directory anyway.
        }
    }
}
