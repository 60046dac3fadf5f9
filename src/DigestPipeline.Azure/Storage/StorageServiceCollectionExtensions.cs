using Azure.Data.Tables;
using DigestPipeline.Core.Sources;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DigestPipeline.Azure.Messaging;
using DigestPipeline.Azure.Queues;
using DigestPipeline.Core.Access;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Documents;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Newsletters;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Core.Subscribers;
using DigestPipeline.Core.Subscriptions;
using DigestPipeline.Core.Summaries;
using DigestPipeline.Core.Translation;
using DigestPipeline.Core.Uploads;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Azure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage clients (one account: connection string, or endpoints with DefaultAzureCredential),
    /// the adapters of the Core ports, <see cref="StorageInitializer"/> and the queue settings read from host.json
    /// (<c>extensions:queues</c>). Calling it twice registers everything once.
    /// </summary>
    public static IServiceCollection AddDigestPipelineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(StorageRegistration)))
            return services;
        services.AddSingleton<StorageRegistration>();

        services.TryAddSingleton(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<StorageOptions>>(sp => new StorageOptionsSetup(configuration));
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddOptions<QueueTriggerOptions>().BindConfiguration(QueueTriggerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QueueTriggerOptions>, QueueTriggerOptionsValidator>();

        services.AddAzureClients(clients =>
        {
            // The SDK's request logging formats every request's and response's headers into events for the log
            // forwarder, whatever the log level: 15 % of the throughput of 1,000 uploads on the local host (the load
            // harness). A failed request reaches the logs anyway, as the exception of the handler it fails.
            clients.ConfigureDefaults(options =>
            {
                options.Diagnostics.IsLoggingEnabled = false;
                // The SDK retries a failed request itself, doubling its wait each time. Uncapped, a call that met a
                // storage outage waited up to 13 s between its last tries, so the host resumed that long after
                // storage came back; the loops back off on their own above this.
                options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
            });
            // No UseCredential: Microsoft.Extensions.Azure's default credential is DefaultAzureCredential (managed
            // identity in Azure, developer sign-in locally); it is only used when endpoints, not a connection string, are set.
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, sp) =>
            {
                var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                return storage.UsesConnectionString
                    ? new BlobServiceClient(storage.ConnectionString, options)
                    : new BlobServiceClient(storage.BlobEndpoint, credential, options);
            });
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, sp) =>
            {
                // Messages are encoded by QueueMessageCodec, so that an undecodable message is a failure that the
                // pump dead-letters, not something the SDK drops on receive.
                options.MessageEncoding = QueueMessageEncoding.None;
                var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                return storage.UsesConnectionString
                    ? new QueueServiceClient(storage.ConnectionString, options)
                    : new QueueServiceClient(storage.QueueEndpoint, credential, options);
            });
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, sp) =>
            {
                var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                return storage.UsesConnectionString
                    ? new TableServiceClient(storage.ConnectionString, options)
                    : new TableServiceClient(storage.TableEndpoint, credential, options);
            });
        });

        services.TryAddSingleton<QueueMessageCodec>();
        services.TryAddSingleton<NewMessageSignal>();
        services.TryAddSingleton<StorageInitializer>();
        services.TryAddSingleton<IUploadStore, BlobUploadStore>();
        services.TryAddSingleton<IQuarantine, BlobQuarantine>();
        services.TryAddSingleton<IDocumentStore, BlobDocumentStore>();
        services.TryAddSingleton<IDocumentRecords, TableDocumentRecords>();
        services.TryAddSingleton<ISummaryStore, BlobSummaryStore>();
        services.TryAddSingleton<IThemeIndex, TableThemeIndex>();
        services.TryAddSingleton<ISubscriberStore, TableSubscriberStore>();
        services.TryAddSingleton<IDueIndex, TableDueIndex>();
        services.TryAddSingleton<IDeliveryLedger, TableDeliveryLedger>();
        services.TryAddSingleton<IConfirmationCounter, TableConfirmationCounter>();
        services.TryAddSingleton<IRelayQuota, TableRelayQuota>();
        services.TryAddSingleton<IDigestArchive, BlobDigestArchive>();
        services.TryAddSingleton<ITranslationCache, BlobTranslationCache>();
        services.TryAddSingleton<ISourceStore, TableSourceStore>();
        services.TryAddSingleton<IItemUploads, BlobItemUploads>();
        services.TryAddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.TryAddSingleton<IUploadReceipts, TableUploadReceipts>();
        services.TryAddSingleton<IUploadIntake, BlobUploadIntake>();
        services.TryAddSingleton<INewsletterStore, TableNewsletterStore>();
        services.TryAddSingleton<IQueueSender, StorageQueueSender>();
        services.TryAddSingleton<IMessagePublisher, QueueMessagePublisher>();
        return services;
    }

    /// <summary>Marks that the storage services are registered.</summary>
    private sealed class StorageRegistration;
}
