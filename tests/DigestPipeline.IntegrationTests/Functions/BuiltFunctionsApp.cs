using System.Reflection;
using System.Text.Json;
using Shouldly;

namespace DigestPipeline.IntegrationTests.Functions;

/// <summary>
/// The Functions app as its build wrote it: the test project references the app's project (without its assembly), so
/// <c>dotnet test</c> builds it first, and the FunctionsAppOutput assembly metadata names its output folder.
/// </summary>
internal static class BuiltFunctionsApp
{
    public static string Output { get; } = typeof(BuiltFunctionsApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FunctionsAppOutput").Value!;

    /// <summary>The worker SDK's list of functions and their bindings.</summary>
    public static JsonElement[] Functions() => Read("functions.metadata").RootElement.EnumerateArray().ToArray();

    /// <summary>The language the Functions host starts the worker as (<c>dotnet-isolated</c>).</summary>
    public static string WorkerLanguage() =>
        Read("worker.config.json").RootElement.GetProperty("description").GetProperty("language").GetString()!;

    /// <summary>The app's target framework, as its runtimeconfig.json gives it (<c>net10.0</c>).</summary>
    public static string TargetFramework() =>
        Read("DigestPipeline.Functions.runtimeconfig.json").RootElement.GetProperty("runtimeOptions").GetProperty("tfm").GetString()!;

    private static JsonDocument Read(string file)
    {
        var path = Path.Combine(Output, file);
        File.Exists(path).ShouldBeTrue($"{path}: the Functions app's build writes it");
        return JsonDocument.Parse(File.ReadAllText(path));
    }
}
