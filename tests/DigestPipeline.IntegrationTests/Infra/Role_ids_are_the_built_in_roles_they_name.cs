using System.Text.Json;
using System.Text.RegularExpressions;
using DigestPipeline.IntegrationTests.Cli;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>
/// A role assignment whose <c>roleDefinitionId</c> is not the built-in role's id fails at provisioning, and neither
/// <c>bicep build</c> nor <c>bicep lint</c> can see it (one such typo, in Monitoring Metrics Publisher, stopped
/// <c>azd up</c>). Every id of the <c>roles</c> map of <c>infra/resources.bicep</c> must be the id that
/// <c>infra/built-in-roles.json</c> (copied from Microsoft's built-in roles reference) gives the role its key names.
/// </summary>
public sealed partial class Role_ids_are_the_built_in_roles_they_name
{
    [Fact]
    public async Task Every_role_id_in_the_bicep_is_the_built_in_role_its_name_says()
    {
        var root = DigestCommand.RepositoryRoot();
        var bicep = await File.ReadAllTextAsync(Path.Combine(root, "infra", "resources.bicep"), TestContext.Current.CancellationToken);
        using var table = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "infra", "built-in-roles.json"), TestContext.Current.CancellationToken));
        var builtIn = table.RootElement.GetProperty("roles").EnumerateObject().ToDictionary(r => r.Name.Replace(" ", "", StringComparison.Ordinal), r => r.Value.GetString(), StringComparer.OrdinalIgnoreCase);

        var map = RolesMap().Match(bicep);
        map.Success.ShouldBeTrue("infra/resources.bicep declares its role ids in `var roles = { … }`");
        var entries = RoleEntry().Matches(map.Groups["body"].Value).ToList();
        entries.Count.ShouldBeGreaterThan(0);
        foreach (var entry in entries)
        {
            var key = entry.Groups["key"].Value;
            builtIn.ShouldContainKey(key, $"role '{key}' is not in infra/built-in-roles.json");
            entry.Groups["id"].Value.ShouldBe(builtIn[key], $"the id of '{key}'");
        }

        // Every assignment uses the map, so no id escapes this check.
        GuidLiteral().Matches(bicep).Count.ShouldBe(entries.Count, "role ids appear in the roles map only");
    }

    [GeneratedRegex(@"var roles = \{(?<body>[^}]*)\}", RegexOptions.Singleline)]
    private static partial Regex RolesMap();

    [GeneratedRegex(@"(?<key>\w+):\s*'(?<id>[0-9a-f-]{36})'")]
    private static partial Regex RoleEntry();

    [GeneratedRegex(@"'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'")]
    private static partial Regex GuidLiteral();
}
