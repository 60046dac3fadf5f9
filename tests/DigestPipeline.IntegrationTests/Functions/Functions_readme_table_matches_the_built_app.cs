using System.Text.RegularExpressions;
using DigestPipeline.IntegrationTests.Cli;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Functions;

/// <summary>
/// Holds the Functions app's README trigger table to the <c>functions.metadata</c> the worker SDK generated from the
/// code when the app was built (<see cref="BuiltFunctionsApp"/>): the same functions, triggers, queues, routes,
/// methods and schedule, and each trigger class calling the handler or page function its row names.
/// </summary>
public sealed partial class Functions_readme_table_matches_the_built_app
{
    [Fact]
    public async Task Every_function_is_in_the_table_with_its_trigger_and_what_it_calls()
    {
        var root = DigestCommand.RepositoryRoot();
        var project = Path.Combine(root, "src", "DigestPipeline.Functions");
        var rows = TableRows(await File.ReadAllTextAsync(Path.Combine(project, "README.md"), TestContext.Current.CancellationToken));

        var functions = BuiltFunctionsApp.Functions();
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

    [GeneratedRegex(@"^\| `(?<name>\w+)` \| (?<trigger>[^|]+)\|(?<target>[^|]+)\|(?<calls>[^|]+)\|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"`(?<code>\w+\.\w+)`")]
    private static partial Regex CodeSpan();
}
