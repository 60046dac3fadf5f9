using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigestPipeline.IntegrationTests.Cli;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Functions;

/// <summary>
/// The Functions app is not in the solution (its worker packages are not on every build machine), so nothing else
/// compiles it. This builds it and holds its README's trigger table to the <c>functions.metadata</c> the worker SDK
/// generates from the code: the same functions, triggers, queues, routes, methods and schedule, and each trigger
/// class calling the handler or page function its row names.
/// </summary>
public sealed partial class Functions_readme_table_matches_the_built_app
{
    [Fact]
    public async Task Every_function_is_in_the_table_with_its_trigger_and_what_it_calls()
    {
        var root = DigestCommand.RepositoryRoot();
        var project = Path.Combine(root, "src", "DigestPipeline.Functions");
        var output = Directory.CreateTempSubdirectory("digest-functions-").FullName;
        try
        {
            await BuildAsync(project, output);
            var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata"), TestContext.Current.CancellationToken));
            var rows = TableRows(await File.ReadAllTextAsync(Path.Combine(project, "README.md"), TestContext.Current.CancellationToken));

            var functions = metadata.RootElement.EnumerateArray().ToArray();
            rows.Keys.Order().ShouldBe(functions.Select(f => f.GetProperty("name").GetString()!).Order());
            foreach (var function in functions)
            {
                var name = function.GetProperty("name").GetString()!;
                var (trigger, target, calls) = rows[name];
                var binding = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In");
                var type = binding.GetProperty("type").GetString()!;
                trigger.ShouldStartWith(type, Case.Insensitive, $"{name}'s trigger");
                var expected = type switch
                {
                    "queueTrigger" => $"`{binding.GetProperty("queueName").GetString()}`",
                    "timerTrigger" => $"`{binding.GetProperty("schedule").GetString()}`",
                    "httpTrigger" => $"`{binding.GetProperty("methods")[0].GetString()!.ToUpperInvariant()} /{binding.GetProperty("route").GetString()}`",
                    _ => throw new ShouldAssertException($"{name} has an unexpected trigger {type}"),
                };
                target.ShouldContain(expected, Case.Sensitive, $"{name}'s queue or route");

                var (callee, method) = Callee(calls);
                var source = await File.ReadAllTextAsync(Path.Combine(project, "Triggers", name + ".cs"), TestContext.Current.CancellationToken);
                source.ShouldContain(callee, Case.Sensitive, $"Triggers/{name}.cs should use {callee}");
                source.ShouldContain("." + method + "(", Case.Sensitive, $"Triggers/{name}.cs should call {method}");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The README's function table: name → (trigger, queue or route, what it calls).</summary>
    private static Dictionary<string, (string Trigger, string Target, string Calls)> TableRows(string readme) =>
        TableRow().Matches(readme).ToDictionary(
            m => m.Groups["name"].Value,
            m => (m.Groups["trigger"].Value.Trim(), m.Groups["target"].Value.Trim(), m.Groups["calls"].Value.Trim()));

    /// <summary>"`SubscriberPageEndpoints.UnsubscribePageAsync` (`UnsubscribeHandler`)" → its type and method.</summary>
    private static (string Type, string Method) Callee(string calls)
    {
        var call = CodeSpan().Match(calls).Groups["code"].Value.Split('.');
        return (call[0], call[1]);
    }

    private static async Task BuildAsync(string project, string output)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "build", project, "-o", output, "-nologo", "-v", "quiet" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, $"dotnet build {project} failed:\n{await stdout}\n{await stderr}");
    }

    [GeneratedRegex(@"^\| `(?<name>\w+)` \| (?<trigger>[^|]+)\|(?<target>[^|]+)\|(?<calls>[^|]+)\|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"`(?<code>\w+\.\w+)`")]
    private static partial Regex CodeSpan();
}
