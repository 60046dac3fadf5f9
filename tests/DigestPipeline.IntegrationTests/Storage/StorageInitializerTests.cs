using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Storage;

public sealed class StorageInitializerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Storage_is_created_idempotently_when_initialized_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = azurite.BuildServices();
        var initializer = services.GetRequiredService<StorageInitializer>();

        await initializer.InitializeAsync(ct);
        await initializer.InitializeAsync(ct);

        var blobs = services.GetRequiredService<BlobServiceClient>();
        foreach (var container in StorageNames.Containers.Append(StorageInitializer.HostContainer))
            (await blobs.GetBlobContainerClient(container).ExistsAsync(ct)).Value.ShouldBeTrue(container);

        var queues = services.GetRequiredService<QueueServiceClient>();
        foreach (var queue in StorageNames.Queues.SelectMany(q => new[] { q, StorageNames.PoisonQueue(q) }))
            (await queues.GetQueueClient(queue).ExistsAsync(ct)).Value.ShouldBeTrue(queue);

        var tables = services.GetRequiredService<TableServiceClient>();
        var existing = new List<string>();
        await foreach (var table in tables.QueryAsync(cancellationToken: ct))
            existing.Add(table.Name);
        existing.ShouldBe(StorageNames.Tables, ignoreOrder: true);
    }
}
