namespace DigestPipeline.Cli.Local;

/// <summary>
/// Where the <c>digest</c> command finds its files: the repository (or working) folder holding <c>seeds/</c> and
/// <c>host.json</c>, and its <c>.digest/</c> folder for local data (Azurite's files, the mail pickup folder).
/// </summary>
public sealed record Workspace(string Root)
{
    public string DataDirectory => Path.Combine(Root, ".digest");

    public string SeedsDirectory => Path.Combine(Root, "seeds");

    public string SeedDocumentsDirectory => Path.Combine(SeedsDirectory, "documents");

    public string SubscribersFile => Path.Combine(SeedsDirectory, "subscribers.json");

    public string ThemesFile => Path.Combine(SeedsDirectory, "themes.json");

    /// <summary>The nearest folder above the current directory that holds <c>host.json</c> and <c>seeds/</c>; else the current directory.</summary>
    public static Workspace Find()
    {
        var current = Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(current); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "host.json")) && Directory.Exists(Path.Combine(dir.FullName, "seeds")))
                return new Workspace(dir.FullName);
        }

        return new Workspace(current);
    }
}
