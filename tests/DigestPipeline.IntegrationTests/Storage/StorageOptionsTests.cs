using Azure.Storage.Blobs;
using DigestPipeline.Azure.Queues;
using DigestPipeline.LocalHost;
using DigestPipeline.Azure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Storage;

public sealed class StorageOptionsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddDigestPipelineStorage(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Missing_storage_setting_fails_with_a_message_naming_the_settings()
    {
        using var services = Services([]);

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        error.Message.ShouldContain("Storage:ConnectionString");
        error.Message.ShouldContain("AzureWebJobsStorage");
    }

    [Fact]
    public void An_unresolved_key_vault_reference_as_connection_string_stops_the_start_without_being_echoed()
    {
        using var services = Services(new() { ["Storage:ConnectionString"] = "@Microsoft.KeyVault(SecretUri=https://kv-digest-prod.vault.azure.net/secrets/storage/)" });

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        error.Message.ShouldContain("Storage:ConnectionString");
        error.Message.ShouldContain("unresolved Key Vault reference");
        error.Message.ShouldNotContain("kv-digest-prod");
    }

    [Fact]
    public void Functions_identity_settings_give_endpoints_reached_with_a_credential()
    {
        using var services = Services(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.windows.net",
        });

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var blobs = services.GetRequiredService<BlobServiceClient>();

        options.UsesConnectionString.ShouldBeFalse();
        blobs.Uri.ShouldBe(new Uri("https://acct.blob.core.windows.net"));
        blobs.AccountName.ShouldBe("acct");
    }

    [Fact]
    public void Invalid_queue_settings_fail_with_the_host_json_key()
    {
        using var services = Services(new()
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["extensions:queues:batchSize"] = "64",
            ["extensions:queues:messageEncoding"] = "utf8",
        });

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<QueueTriggerOptions>>().Value);

        error.Message.ShouldContain("extensions:queues:batchSize");
        error.Message.ShouldContain("extensions:queues:messageEncoding");
    }

    [Fact]
    public void Queue_settings_are_read_from_host_json()
    {
        var configuration = new ConfigurationBuilder().AddHostJson().Build();
        using var services = new ServiceCollection().AddLogging().AddDigestPipelineStorage(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<QueueTriggerOptions>>().Value;

        options.BatchSize.ShouldBe(16);
        options.EffectiveNewBatchThreshold.ShouldBe(8);
        options.MaxDequeueCount.ShouldBe(5);
        options.VisibilityTimeout.ShouldBe(TimeSpan.FromSeconds(5));
        options.MaxPollingInterval.ShouldBe(TimeSpan.FromSeconds(2));
        options.IsBase64.ShouldBeTrue();
    }
}
