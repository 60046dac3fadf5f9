using System.Globalization;

namespace DigestPipeline.Benchmarks;

/// <summary>The harness commands' <c>--name value</c> options.</summary>
internal static class CommandLineOptions
{
    public static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The machine's 1, 5 and 15 minute load averages, for the report (other work skews the figures).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";
}
