namespace DigestPipeline.Azure.Storage;

/// <summary>
/// Where the storage account is. Either <see cref="ConnectionString"/> (Azurite, or a key-based account), or the
/// account's service endpoints (<see cref="BlobServiceUri"/>, <see cref="QueueServiceUri"/>,
/// <see cref="TableServiceUri"/>, or just <see cref="AccountName"/>) reached with <c>DefaultAzureCredential</c>
/// (managed identity in Azure). When the <c>Storage</c> section is empty, the Functions setting
/// <c>AzureWebJobsStorage</c> (or its identity form <c>AzureWebJobsStorage__blobServiceUri</c>, ...) is used.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string FunctionsSetting = "AzureWebJobsStorage";

    public string? ConnectionString { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>Shortcut for the three endpoints of a public-cloud account: <c>https://{name}.blob.core.windows.net</c>, ...</summary>
    public string? AccountName { get; set; }

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    public Uri BlobEndpoint => BlobServiceUri ?? Endpoint("blob");

    public Uri QueueEndpoint => QueueServiceUri ?? Endpoint("queue");

    public Uri TableEndpoint => TableServiceUri ?? Endpoint("table");

    private Uri Endpoint(string service) =>
        string.IsNullOrWhiteSpace(AccountName)
            ? throw new InvalidOperationException(
                $"No {service} endpoint: set {Section}:ConnectionString, or {Section}:{service}ServiceUri (or {Section}:AccountName).")
            : new Uri($"https://{AccountName}.{service}.core.windows.net");
}
