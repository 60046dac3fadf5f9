using System.Text.Json;
using System.Text.RegularExpressions;
using DigestPipeline.IntegrationTests.Functions;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>
/// The Function App's settings in infra/ against what the built app (its <c>functions.metadata</c>, worker config and
/// runtimeconfig) asks for: every trigger connection identity-based with the app's identity and the roles it needs on
/// that account, every <c>%Setting%</c> schedule set, every Key Vault reference resolvable, the runtime the app's.
/// </summary>
public sealed partial class App_settings_give_the_built_app_what_it_reads
{
    /// <summary>Where the Functions host keeps its state; also the connection of a trigger that names none.</summary>
    private const string HostStorage = "AzureWebJobsStorage";

    [Fact]
    public async Task Every_trigger_connection_is_identity_based_on_the_app_identity_with_the_roles_it_needs()
    {
        var deployment = await AzureDeployment.OfRepositoryAsync();
        var settings = deployment.AppSettings;
        var table = BuiltInRoles.OfRepository();
        var assignments = deployment.RoleAssignments();

        // connection → the storage services it is used for: the host's own blobs and queues, and each trigger's.
        var connections = new Dictionary<string, HashSet<string>> { [HostStorage] = ["blob", "queue"] };
        foreach (var binding in BuiltFunctionsApp.Functions().SelectMany(f => f.GetProperty("bindings").EnumerateArray()))
        {
            var type = binding.GetProperty("type").GetString()!;
            if (type is "httpTrigger" or "timerTrigger" || binding.GetProperty("direction").GetString() != "In")
                continue;
            type.ShouldBe("queueTrigger", "the only triggers with a connection this test knows the services of");
            var connection = binding.TryGetProperty("connection", out var named) && named.GetString() is { Length: > 0 } name ? name : HostStorage;
            connections.TryAdd(connection, []);
            connections[connection].Add("queue");
        }

        var checkedSettings = 0;
        foreach (var (connection, services) in connections)
        {
            settings.ShouldNotContainKey(connection, $"{connection} is a connection string; the storage account accepts no shared key");
            settings[$"{connection}__credential"].ShouldBe("managedidentity", $"{connection}__credential");
            var clientId = ClientIdOf().Match(settings[$"{connection}__clientId"]);
            clientId.Success.ShouldBeTrue($"{connection}__clientId is the client id of a managed identity of the template");
            var identity = clientId.Groups["identity"].Value;
            deployment.AppIdentities.ShouldContain(identity, $"{connection}__clientId names an identity the Function App has");
            checkedSettings += 2;

            ArmResource account;
            if (settings.TryGetValue($"{connection}__accountName", out var accountName))
            {
                account = deployment.OfType("Microsoft.Storage/storageAccounts").Where(a => a.Name == accountName)
                    .ShouldHaveSingleItem($"{connection}__accountName names a storage account of the template");
                checkedSettings++;
            }
            else
            {
                var uris = services.Select(s => settings.GetValueOrDefault($"{connection}__{s}ServiceUri")).ToList();
                uris.ShouldAllBe(u => u != null, $"{connection} needs __accountName or __{string.Join("ServiceUri, __", services)}ServiceUri");
                var accounts = uris.Select(u => ServiceUriOf().Match(u!).Groups["account"].Value).Distinct().ToList();
                account = deployment.ById(accounts.ShouldHaveSingleItem()).ShouldNotBeNull($"{connection}'s service URIs are endpoints of a storage account of the template");
                checkedSettings += uris.Count;
            }

            // Microsoft's Functions documentation: host storage needs Blob Data Owner; queue triggers Queue Data Contributor.
            var needed = (connection == HostStorage ? ["Storage Blob Data Owner"] : Array.Empty<string>())
                .Concat(services.Contains("queue") ? ["Storage Queue Data Contributor"] : []);
            foreach (var role in needed)
            {
                assignments.ShouldContain(
                    a => a.RoleId == table.Named(role).Id && a.Scope == account.Id && a.Grantee == "app" && AssignedTo(a, identity),
                    $"{connection}'s identity has {role} on {account.Name}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{connections.Count} connection(s) ({string.Join(", ", connections.Keys)}) verified: {checkedSettings} identity-based settings and their roles");
    }

    [Fact]
    public async Task A_schedule_read_from_a_setting_has_that_setting()
    {
        var settings = (await AzureDeployment.OfRepositoryAsync()).AppSettings;

        var schedules = BuiltFunctionsApp.Functions()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "timerTrigger")
            .Select(b => b.GetProperty("schedule").GetString()!)
            .ToList();
        var fromSettings = schedules.Select(s => SettingName().Match(s)).Where(m => m.Success).ToList();
        fromSettings.ShouldNotBeEmpty("the planning timer reads its schedule from a setting");

        // In App Service on Linux a setting's ':' is written '__'.
        foreach (var setting in fromSettings.Select(m => m.Groups["name"].Value.Replace(":", "__", StringComparison.Ordinal)))
            settings.ShouldContainKey(setting, $"the timer schedule %{setting}% needs the app setting {setting}");

        TestContext.Current.TestOutputHelper?.WriteLine($"{schedules.Count} timer schedules, {fromSettings.Count} read from app settings, verified");
    }

    [Fact]
    public async Task Every_Key_Vault_reference_names_a_secret_the_template_creates_in_a_vault_the_app_identity_reads()
    {
        var deployment = await AzureDeployment.OfRepositoryAsync();
        var readers = deployment.RoleAssignments().Where(a => a.RoleId == BuiltInRoles.OfRepository().Named("Key Vault Secrets User").Id).ToList();
        var referenceIdentity = deployment.FunctionApp.Text("properties", "keyVaultReferenceIdentity");
        deployment.AppIdentities.ShouldContain(referenceIdentity, "keyVaultReferenceIdentity is the app's user-assigned identity (else App Service tries a system identity it has not)");

        var references = deployment.AppSettings.Where(s => s.Value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal)).ToList();
        references.ShouldNotBeEmpty("the SMTP password and the token secret come from Key Vault");
        foreach (var (setting, value) in references)
        {
            var uri = SecretUriOf().Match(value);
            uri.Success.ShouldBeTrue($"{setting}: a reference to a secret of the template ({value})");
            var secret = deployment.ById(uri.Groups["secret"].Value);
            secret.ShouldNotBeNull($"{setting} names the secret {uri.Groups["secret"].Value}, which the template creates");
            secret.Type.ShouldBe("Microsoft.KeyVault/vaults/secrets");
            var vault = deployment.ById(secret.Id[..secret.Id.LastIndexOf("/secrets/", StringComparison.Ordinal)]).ShouldNotBeNull();
            readers.ShouldContain(a => (a.Scope == vault.Id || a.Scope == secret.Id) && AssignedTo(a, referenceIdentity!), $"the app's identity reads {secret.Name}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{references.Count} Key Vault references verified ({string.Join(", ", references.Select(r => r.Key))})");
    }

    [Fact]
    public async Task The_runtime_is_the_built_app_worker_and_target_framework()
    {
        var app = (await AzureDeployment.OfRepositoryAsync()).FunctionApp;
        var tfm = TargetFramework().Match(BuiltFunctionsApp.TargetFramework());
        tfm.Success.ShouldBeTrue(BuiltFunctionsApp.TargetFramework());

        app.Text("properties", "functionAppConfig", "runtime", "name").ShouldBe(BuiltFunctionsApp.WorkerLanguage());
        app.Text("properties", "functionAppConfig", "runtime", "version").ShouldBe(tfm.Groups["version"].Value);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"runtime {BuiltFunctionsApp.WorkerLanguage()} {tfm.Groups["version"].Value} = the built app's worker and {BuiltFunctionsApp.TargetFramework()}");
    }

    [Fact]
    public async Task A_function_at_the_site_root_comes_with_the_hosts_own_home_page_off()
    {
        var settings = (await AzureDeployment.OfRepositoryAsync()).AppSettings;
        // A route of one optional parameter limited to length 0 matches "/" only (a route cannot be empty).
        var atRoot = BuiltFunctionsApp.Functions()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .Select(b => b.GetProperty("route").GetString()!)
            .Where(route => RootRoute().IsMatch(route))
            .ToList();

        atRoot.ShouldHaveSingleItem("the landing page's function");
        settings["AzureWebJobsDisableHomepage"].ShouldBe("true", "else the Functions host answers / with its own page");
    }

    private static bool AssignedTo(RoleAssignment assignment, string identity) =>
        assignment.Resource.Properties.GetValueOrDefault("principalId") is RuntimeValue { Path: ".principalId" } principal
        && principal.ResourceId.Equals(identity, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^reference\((?<identity>[^)]+/providers/Microsoft\.ManagedIdentity/userAssignedIdentities/[^)]+)\)\.clientId$")]
    private static partial Regex ClientIdOf();

    [GeneratedRegex(@"^reference\((?<account>[^)]+)\)\.primaryEndpoints\.\w+$")]
    private static partial Regex ServiceUriOf();

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=reference\((?<secret>[^)]+)\)\.secretUri\)$")]
    private static partial Regex SecretUriOf();

    [GeneratedRegex(@"^%(?<name>[^%]+)%$")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"^\{\w+:maxlength\(0\)\?\}$")]
    private static partial Regex RootRoute();

    [GeneratedRegex(@"^net(?<version>\d+\.\d+)$")]
    private static partial Regex TargetFramework();
}
