using DigestPipeline.IntegrationTests.Cli;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>
/// A role assignment whose <c>roleDefinitionId</c> is not the built-in role's id fails at provisioning, and neither
/// <c>bicep build</c> nor <c>bicep lint</c> sees it (one such typo, in Monitoring Metrics Publisher, stopped the first
/// <c>azd up</c>). These compile infra/ with the Bicep CLI and hold every assignment of the ARM template to
/// infra/built-in-roles.json (<see cref="RoleAssignmentCheck"/>).
/// </summary>
public sealed class Role_assignments_grant_the_built_in_roles_the_code_needs
{
    /// <summary>The id infra/ once gave Monitoring Metrics Publisher: no such built-in role exists.</summary>
    private const string OldWrongMonitoringMetricsPublisherId = "3913510d-42f4-4e42-8a41-a8ee1d9ebc63";

    [Fact]
    public async Task Every_assignment_is_the_built_in_role_its_description_names_and_one_the_table_says_is_needed()
    {
        var deployment = await AzureDeployment.OfRepositoryAsync();
        var table = BuiltInRoles.OfRepository();

        var problems = RoleAssignmentCheck.Problems(deployment, table);

        problems.ShouldBeEmpty(string.Join("\n", problems));
        var assignments = deployment.RoleAssignments();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{assignments.Count} role assignments verified ({string.Join(", ", assignments.GroupBy(a => a.Grantee).Select(g => $"{g.Key} {g.Count()}"))}) "
            + $"against {table.Count} built-in roles and {table.Sum(r => r.Grants.Count)} needed grants");
    }

    [Fact]
    public async Task The_old_wrong_Monitoring_Metrics_Publisher_id_fails_the_check_by_its_id()
    {
        var table = BuiltInRoles.OfRepository();
        var right = table.Named("Monitoring Metrics Publisher").Id;
        var infra = Directory.CreateTempSubdirectory("digest-infra-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(DigestCommand.RepositoryRoot(), "infra")))
                File.Copy(file, Path.Combine(infra, Path.GetFileName(file)));
            var bicep = Path.Combine(infra, "resources.bicep");
            var text = await File.ReadAllTextAsync(bicep, TestContext.Current.CancellationToken);
            text.ShouldContain(right, Case.Insensitive, "the Bicep gives Monitoring Metrics Publisher's id, so that swapping it tests something");
            await File.WriteAllTextAsync(bicep, text.Replace(right, OldWrongMonitoringMetricsPublisherId, StringComparison.OrdinalIgnoreCase), TestContext.Current.CancellationToken);

            var problems = RoleAssignmentCheck.Problems(await AzureDeployment.CompileAsync(infra), table);

            problems.ShouldContain(p => p.Contains(OldWrongMonitoringMetricsPublisherId, StringComparison.Ordinal), string.Join("\n", problems));
            TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", problems));
        }
        finally
        {
            Directory.Delete(infra, recursive: true);
        }
    }
}
