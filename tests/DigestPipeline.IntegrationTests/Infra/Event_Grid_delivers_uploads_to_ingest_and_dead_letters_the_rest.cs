using DigestPipeline.Azure.Storage;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infra;

/// <summary>
/// In Azure, Event Grid is what turns an upload into work: the subscription of infra/ must send the code's
/// <c>incoming</c> BlobCreated events to the code's <c>ingest</c> queue in the schema the handler reads, keep retrying
/// a failed delivery at least as long as the app rides out a storage outage (10 minutes), then dead-letter to a
/// container that exists and that Event Grid's identity may write.
/// </summary>
public sealed class Event_Grid_delivers_uploads_to_ingest_and_dead_letters_the_rest
{
    private const int MinimumRetryMinutes = 10;

    [Fact]
    public async Task Uploads_go_to_ingest_retried_for_at_least_10_minutes_then_to_a_dead_letter_container_it_can_write()
    {
        var deployment = await AzureDeployment.OfRepositoryAsync();
        var table = BuiltInRoles.OfRepository();
        var account = deployment.OfType("Microsoft.Storage/storageAccounts").Single(a => a.Name == deployment.AppSettings["AzureWebJobsStorage__accountName"]);
        var subscription = deployment.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions")
            .Where(s => Destination(s).Text("properties", "queueName") == StorageNames.IngestQueue)
            .ShouldHaveSingleItem($"one Event Grid subscription delivers to the {StorageNames.IngestQueue} queue");
        var topic = deployment.OfType("Microsoft.EventGrid/systemTopics").Single(t => subscription.Name.StartsWith(t.Name + "/", StringComparison.Ordinal));

        topic.Text("properties", "source").ShouldBe(account.Id, "the topic is the app's storage account's");
        Destination(subscription).Text("endpointType").ShouldBe("StorageQueue");
        Destination(subscription).Text("properties", "resourceId").ShouldBe(account.Id, "the ingest queue of the app's account");
        subscription.Text("properties", "eventDeliverySchema").ShouldBe("EventGridSchema", "IngestDocumentHandler reads Event Grid schema events");
        subscription.Text("properties", "filter", "subjectBeginsWith").ShouldBe($"/blobServices/default/containers/{StorageNames.IncomingContainer}/");
        var eventTypes = (IReadOnlyList<object?>)ArmResource.Map(subscription.Properties, "filter")["includedEventTypes"]!;
        eventTypes.ShouldBe(["Microsoft.Storage.BlobCreated"]);

        var timeToLive = long.Parse(subscription.Text("properties", "retryPolicy", "eventTimeToLiveInMinutes")!, System.Globalization.CultureInfo.InvariantCulture);
        timeToLive.ShouldBeGreaterThanOrEqualTo(MinimumRetryMinutes, "Event Grid retries delivery into the queue at least as long as the app's own outage policy");
        var attempts = long.Parse(subscription.Text("properties", "retryPolicy", "maxDeliveryAttempts")!, System.Globalization.CultureInfo.InvariantCulture);
        attempts.ShouldBeGreaterThan(1, "a failed delivery is retried");

        var deadLetter = DeadLetter(subscription);
        deadLetter.Text("endpointType").ShouldBe("StorageBlob", "dead-lettering is configured");
        deadLetter.Text("properties", "resourceId").ShouldBe(account.Id);
        var container = deadLetter.Text("properties", "blobContainerName");
        deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ShouldContain(c => c.Name == $"{account.Name}/default/{container}", $"the dead-letter container {container} exists");

        // Shared keys are disabled: Event Grid delivers and dead-letters with its own identity, which needs both roles.
        var delivery = ArmResource.Map(subscription.Properties, "deliveryWithResourceIdentity");
        ArmResource.Map(delivery, "identity").GetValueOrDefault("type").ShouldBe("SystemAssigned");
        ArmResource.Map(ArmResource.Map(subscription.Properties, "deadLetterWithResourceIdentity"), "identity").GetValueOrDefault("type").ShouldBe("SystemAssigned");
        var topicRoles = deployment.RoleAssignments()
            .Where(a => a.Scope == account.Id && a.Resource.Properties.GetValueOrDefault("principalId") is RuntimeValue { Path: ".identity.principalId" } p && p.ResourceId == topic.Id)
            .Select(a => a.RoleId)
            .ToList();
        topicRoles.ShouldContain(table.Named("Storage Queue Data Message Sender").Id, "Event Grid's identity may add messages to the queue");
        topicRoles.ShouldContain(table.Named("Storage Blob Data Contributor").Id, "Event Grid's identity may write dead-letter blobs");

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Event Grid {subscription.ShortName}: {StorageNames.IncomingContainer}/ BlobCreated → {StorageNames.IngestQueue}, "
            + $"up to {attempts} attempts over {timeToLive} min (≥ {MinimumRetryMinutes}), then {container}; {topicRoles.Count} topic roles verified");
    }

    /// <summary>Where events go: with the topic's identity (deliveryWithResourceIdentity) or without (destination).</summary>
    private static ArmResource Destination(ArmResource subscription) => Part(subscription,
        ArmResource.Map(ArmResource.Map(subscription.Properties, "deliveryWithResourceIdentity"), "destination"),
        ArmResource.Map(subscription.Properties, "destination"));

    private static ArmResource DeadLetter(ArmResource subscription) => Part(subscription,
        ArmResource.Map(ArmResource.Map(subscription.Properties, "deadLetterWithResourceIdentity"), "deadLetterDestination"),
        ArmResource.Map(subscription.Properties, "deadLetterDestination"));

    /// <summary>A part of the subscription, wrapped so that <see cref="ArmResource.Text"/> reads it.</summary>
    private static ArmResource Part(ArmResource subscription, IReadOnlyDictionary<string, object?> withIdentity, IReadOnlyDictionary<string, object?> without) =>
        subscription with { Body = withIdentity.Count > 0 ? withIdentity : without };
}
