using System.Text.RegularExpressions;
using DigestPipeline.IntegrationTests.Cli;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>
/// azure.yaml's post-deploy hook runs <c>digest smoke</c> on both shells, and every variable it reads is an output of
/// infra/main.bicep (azd hands a deployment's outputs to its hooks as environment variables): a renamed output would
/// otherwise make the check run against nothing.
/// </summary>
public sealed partial class Azure_yaml_smoke_hook_uses_the_deployment_outputs
{
    [Fact]
    public void Both_shells_run_digest_smoke_with_variables_main_bicep_outputs()
    {
        var root = DigestCommand.RepositoryRoot();
        var azureYaml = File.ReadAllText(Path.Combine(root, "azure.yaml"));
        var outputs = Output().Matches(File.ReadAllText(Path.Combine(root, "infra", "main.bicep"))).Select(m => m.Groups[1].Value).ToHashSet();

        var runs = Run().Matches(azureYaml).Select(m => m.Groups[1].Value).ToList();
        runs.Count.ShouldBe(2, "a posix and a windows hook");
        foreach (var run in runs)
        {
            run.ShouldContain("-- smoke --subscribe-url");
            var variables = Variable().Matches(run).Select(m => m.Groups[1].Value).ToList();
            variables.ShouldContain("AZURE_STORAGE_ACCOUNT_NAME");
            variables.ShouldAllBe(v => outputs.Contains(v), $"outputs of main.bicep: {string.Join(", ", outputs)}");
        }
    }

    [GeneratedRegex(@"^output\s+(\w+)\s", RegexOptions.Multiline)]
    private static partial Regex Output();

    [GeneratedRegex(@"^\s+run:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex Run();

    [GeneratedRegex(@"\$(?:env:)?([A-Z][A-Z0-9_]+)")]
    private static partial Regex Variable();
}
