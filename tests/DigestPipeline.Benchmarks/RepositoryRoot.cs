using System.Runtime.CompilerServices;

namespace DigestPipeline.Benchmarks;

/// <summary>The folder holding <c>DigestPipeline.sln</c>: found from the current directory, else from this source file.</summary>
internal static class RepositoryRoot
{
    private const string Marker = "DigestPipeline.sln";

    public static string Find([CallerFilePath] string sourceFile = "") =>
        FindFrom(Environment.CurrentDirectory)
        ?? FindFrom(Path.GetDirectoryName(sourceFile))
        ?? FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {Marker} above {Environment.CurrentDirectory}: run from inside the repository.");

    private static string? FindFrom(string? directory)
    {
        for (var current = directory is null ? null : new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, Marker)))
                return current.FullName;
        }

        return null;
    }
}
