using System.Text.Json;
using DigestPipeline.IntegrationTests.Cli;

namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>One grant of a role the code needs: to whom (app, eventGrid, deployer), on which resource type, and why.</summary>
internal sealed record RoleGrant(string To, string Scope, string Why);

/// <summary>A built-in role of infra/built-in-roles.json: its name and id (Microsoft's reference), and its grants.</summary>
internal sealed record BuiltInRole(string Name, string Id, IReadOnlyList<RoleGrant> Grants);

internal static class BuiltInRoles
{
    public static IReadOnlyList<BuiltInRole> OfRepository()
    {
        using var table = JsonDocument.Parse(File.ReadAllText(Path.Combine(DigestCommand.RepositoryRoot(), "infra", "built-in-roles.json")));
        return table.RootElement.GetProperty("roles").EnumerateArray().Select(role => new BuiltInRole(
                role.GetProperty("name").GetString()!,
                role.GetProperty("id").GetString()!,
                role.GetProperty("grants").EnumerateArray().Select(g => new RoleGrant(
                    g.GetProperty("to").GetString()!,
                    g.GetProperty("scope").GetString()!,
                    g.GetProperty("why").GetString()!)).ToList()))
            .ToList();
    }

    public static BuiltInRole Named(this IReadOnlyList<BuiltInRole> roles, string name) => roles.Single(r => r.Name == name);
}
