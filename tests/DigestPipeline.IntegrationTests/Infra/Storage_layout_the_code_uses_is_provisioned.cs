using System.Reflection;
using System.Text.RegularExpressions;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.Functions;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>
/// In Azure nothing runs <see cref="StorageInitializer"/>: the containers, queues and tables the code uses exist only
/// if infra/ creates them, in the account the app's AzureWebJobsStorage names. The names come from the code
/// (<see cref="StorageNames"/>, whose constants every adapter uses, and the built app's queue triggers), never from
/// a list kept beside this test.
/// </summary>
public sealed partial class Storage_layout_the_code_uses_is_provisioned
{
    [Fact]
    public async Task Every_container_queue_poison_queue_and_table_of_the_code_is_created_in_the_app_account()
    {
        var deployment = await AzureDeployment.OfRepositoryAsync();
        var account = deployment.AppSettings["AzureWebJobsStorage__accountName"];
        deployment.OfType("Microsoft.Storage/storageAccounts").ShouldContain(a => a.Name == account, $"the storage account {account} of AzureWebJobsStorage");

        var containers = Created(deployment, "Microsoft.Storage/storageAccounts/blobServices/containers", account);
        var queues = Created(deployment, "Microsoft.Storage/storageAccounts/queueServices/queues", account);
        var tables = Created(deployment, "Microsoft.Storage/storageAccounts/tableServices/tables", account);

        // The Functions host creates its own container, as StorageInitializer does for the local host.
        var codeContainers = Named("Container", StorageNames.Containers).Except([StorageInitializer.HostContainer]).ToList();
        var triggerQueues = BuiltFunctionsApp.Functions()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "queueTrigger")
            .Select(b => b.GetProperty("queueName").GetString()!)
            .ToList();
        triggerQueues.ShouldNotBeEmpty("the built app has queue triggers");
        var codeQueues = Named("Queue", StorageNames.Queues).Union(triggerQueues).SelectMany(q => new[] { q, StorageNames.PoisonQueue(q) }).ToList();
        var codeTables = Named("Table", StorageNames.Tables);

        codeContainers.Except(containers).ShouldBeEmpty("containers of the code that infra/ does not create");
        codeQueues.Except(queues).ShouldBeEmpty("queues of the code (and their -poison twins) that infra/ does not create");
        codeTables.Except(tables).ShouldBeEmpty("tables of the code that infra/ does not create");

        // The Flex Consumption deployment package goes to a container of the same account, which must exist too.
        var package = DeploymentPackage().Match(deployment.FunctionApp.Text("properties", "functionAppConfig", "deployment", "storage", "value") ?? "");
        package.Success.ShouldBeTrue("the Function App deploys from a blob container of the template's storage account");
        deployment.ById(package.Groups["account"].Value)?.Name.ShouldBe(account);
        containers.ShouldContain(package.Groups["container"].Value);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Storage layout verified in {account}: {codeContainers.Count} containers, {codeQueues.Count} queues (poison included), "
            + $"{codeTables.Count} tables of the code, and the deployment package container; infra/ creates {containers.Count} containers, {queues.Count} queues, {tables.Count} tables");
    }

    /// <summary>The names the template creates under <paramref name="account"/>, for one kind of child resource.</summary>
    private static List<string> Created(AzureDeployment deployment, string type, string account) =>
        deployment.OfType(type).Where(r => r.Name.StartsWith(account + "/", StringComparison.Ordinal)).Select(r => r.ShortName).ToList();

    /// <summary>
    /// A list of <see cref="StorageNames"/> and every constant of it named <c>…<paramref name="suffix"/></c>, so that a
    /// constant an adapter uses but the list forgot is still required.
    /// </summary>
    private static List<string> Named(string suffix, IEnumerable<string> list) =>
        typeof(StorageNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith(suffix, StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Union(list)
            .ToList();

    /// <summary><c>reference(&lt;account id&gt;).primaryEndpoints.blob</c> then the container's name.</summary>
    [GeneratedRegex(@"^reference\((?<account>[^)]+)\)\.primaryEndpoints\.blob(?<container>[a-z0-9-]+)$")]
    private static partial Regex DeploymentPackage();
}
