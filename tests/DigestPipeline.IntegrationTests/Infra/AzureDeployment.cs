using System.Text.Json;
using System.Text.RegularExpressions;
using DigestPipeline.IntegrationTests.Cli;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>A role assignment of the template: which role, to whom (app, eventGrid, deployer), on what.</summary>
internal sealed record RoleAssignment(ArmResource Resource, string RoleId, string? Description, string Grantee, string Scope, string ScopeType);

/// <summary>
/// What <c>azd up</c> would deploy from an infra/ folder: <c>main.bicep</c> compiled by the Bicep CLI, evaluated
/// with the parameters <c>main.parameters.json</c> passes (each azd environment variable stands in as
/// <c>test-&lt;parameter&gt;</c>, so that the deployer's optional assignments are made too).
/// </summary>
internal sealed partial class AzureDeployment
{
    private static readonly Lazy<Task<AzureDeployment>> RepositoryDeployment =
        new(() => CompileAsync(Path.Combine(DigestCommand.RepositoryRoot(), "infra")));

    private AzureDeployment(IReadOnlyList<ArmResource> resources, string deployerPrincipalId)
    {
        Resources = resources;
        DeployerPrincipalId = deployerPrincipalId;
    }

    /// <summary>The repository's infra/, compiled once for all the tests.</summary>
    public static Task<AzureDeployment> OfRepositoryAsync() => RepositoryDeployment.Value;

    public IReadOnlyList<ArmResource> Resources { get; }

    public string DeployerPrincipalId { get; }

    public static async Task<AzureDeployment> CompileAsync(string infra)
    {
        using var template = await BicepCli.BuildAsync(Path.Combine(infra, "main.bicep"));
        using var parameterFile = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(infra, "main.parameters.json"), TestContext.Current.CancellationToken));
        var declared = template.RootElement.GetProperty("parameters");
        var parameters = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var deployer = "";
        foreach (var parameter in parameterFile.RootElement.GetProperty("parameters").EnumerateObject())
        {
            var text = parameter.Value.GetProperty("value").GetString() ?? "";
            var variable = AzdVariable().Match(text);
            var value = variable.Success && variable.Groups["default"].Success ? variable.Groups["default"].Value : $"test-{parameter.Name}";
            parameters[parameter.Name] = declared.GetProperty(parameter.Name).GetProperty("type").GetString() switch
            {
                "int" => (object)1L,
                "bool" => true,
                _ => value,
            };
            if (variable.Success && variable.Groups["name"].Value == "AZURE_PRINCIPAL_ID")
                deployer = value;
        }

        return new AzureDeployment(ArmDeployment.Resources(template.RootElement, parameters), deployer);
    }

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => r.Type.Equals(type, StringComparison.OrdinalIgnoreCase));

    public ArmResource? ById(string id) => Resources.FirstOrDefault(r => r.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The one Function App of the template.</summary>
    public ArmResource FunctionApp => OfType("Microsoft.Web/sites").Single(s => (s.Text("kind") ?? "").Contains("functionapp", StringComparison.OrdinalIgnoreCase));

    /// <summary>The user-assigned identities of the Function App (resource ids).</summary>
    public IReadOnlyList<string> AppIdentities =>
        ArmResource.Map(ArmResource.Map(FunctionApp.Body, "identity"), "userAssignedIdentities").Keys.ToList();

    /// <summary>The Function App's app settings: its <c>config/appsettings</c> resource and any <c>siteConfig.appSettings</c>.</summary>
    public IReadOnlyDictionary<string, string> AppSettings
    {
        get
        {
            var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var siteConfig = ArmResource.Map(FunctionApp.Properties, "siteConfig");
            if (ArmExpression.TryGet(siteConfig, "appSettings", out var list) && list is IReadOnlyList<object?> pairs)
            {
                foreach (var pair in pairs.Cast<IReadOnlyDictionary<string, object?>>())
                    settings[ArmFunctions.Text(pair["name"])] = ArmFunctions.Text(pair["value"]);
            }

            foreach (var config in OfType("Microsoft.Web/sites/config").Where(c => c.Name.Equals($"{FunctionApp.Name}/appsettings", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var (name, value) in config.Properties)
                    settings[name] = ArmFunctions.Text(value);
            }

            return settings;
        }
    }

    /// <summary>Every role assignment, its principal told apart: the app's identity, a system topic's, the deployer.</summary>
    public IReadOnlyList<RoleAssignment> RoleAssignments() => OfType("Microsoft.Authorization/roleAssignments").Select(a =>
    {
        var roleDefinition = a.Text("properties", "roleDefinitionId") ?? "";
        var scope = a.Text("scope") ?? $"/subscriptions/{ArmDeployment.SubscriptionId}/resourceGroups/(the deployment's)";
        return new RoleAssignment(
            a,
            roleDefinition[(roleDefinition.LastIndexOf('/') + 1)..],
            a.Text("properties", "description"),
            Grantee(a.Properties.GetValueOrDefault("principalId")),
            scope,
            ById(scope)?.Type ?? $"(no resource of the template: {scope})");
    }).ToList();

    private string Grantee(object? principal) => principal switch
    {
        RuntimeValue { Path: ".principalId" } identity when AppIdentities.Contains(identity.ResourceId, StringComparer.OrdinalIgnoreCase) => "app",
        RuntimeValue { Path: ".identity.principalId" } topic when ById(topic.ResourceId)?.Type == "Microsoft.EventGrid/systemTopics" => "eventGrid",
        string id when id == DeployerPrincipalId => "deployer",
        _ => $"(unknown principal {principal})",
    };

    /// <summary><c>${NAME}</c> or <c>${NAME=default}</c>: an azd environment variable.</summary>
    [GeneratedRegex(@"^\$\{(?<name>\w+)(=(?<default>[^}]*))?\}$")]
    private static partial Regex AzdVariable();
}
