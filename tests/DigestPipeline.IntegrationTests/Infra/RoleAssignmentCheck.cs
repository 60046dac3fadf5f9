namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>
/// The role checks, on a compiled template: each assignment's role id is a built-in role of the table, its description
/// starts with that role's name (the intent written beside it in Bicep), and the table says the code needs that role
/// for that grantee on that kind of scope; each grant the table lists is made. Returns what is wrong, in words.
/// </summary>
internal static class RoleAssignmentCheck
{
    public static List<string> Problems(AzureDeployment deployment, IReadOnlyList<BuiltInRole> table)
    {
        var problems = new List<string>();
        var assignments = deployment.RoleAssignments();
        if (assignments.Count == 0)
            problems.Add("the template makes no role assignment at all");

        foreach (var assignment in assignments)
        {
            var what = $"role assignment \"{assignment.Description ?? assignment.Resource.Name}\"";
            var role = table.SingleOrDefault(r => r.Id.Equals(assignment.RoleId, StringComparison.OrdinalIgnoreCase));
            if (role is null)
            {
                problems.Add($"{what}: role id {assignment.RoleId} is not a built-in role of infra/built-in-roles.json");
                continue;
            }

            var named = assignment.Description?.Split(':')[0].Trim();
            if (named is null)
                problems.Add($"{what}: no description naming its role (it should start with \"{role.Name}:\")");
            else if (named != role.Name)
                problems.Add($"{what}: says \"{named}\" but role id {assignment.RoleId} is \"{role.Name}\"");

            if (!role.Grants.Any(g => g.To == assignment.Grantee && g.Scope.Equals(assignment.ScopeType, StringComparison.OrdinalIgnoreCase)))
                problems.Add($"{what}: {role.Name} to {assignment.Grantee} on {assignment.ScopeType} is not a grant infra/built-in-roles.json says the code needs");
        }

        foreach (var role in table)
        {
            foreach (var grant in role.Grants)
            {
                if (!assignments.Any(a => a.RoleId.Equals(role.Id, StringComparison.OrdinalIgnoreCase) && a.Grantee == grant.To
                                          && a.ScopeType.Equals(grant.Scope, StringComparison.OrdinalIgnoreCase)))
                    problems.Add($"infra/built-in-roles.json lists {role.Name} for {grant.To} on {grant.Scope}, but no assignment makes it");
            }
        }

        return problems;
    }
}
