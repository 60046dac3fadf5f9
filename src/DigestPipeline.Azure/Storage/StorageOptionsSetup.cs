using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Azure.Storage;

/// <summary>
/// Falls back to the Functions host's <c>AzureWebJobsStorage</c> setting when the <c>Storage</c> section says
/// nothing: the connection string itself, or its identity-based form (<c>AzureWebJobsStorage__blobServiceUri</c>,
/// <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, <c>__accountName</c>).
/// </summary>
internal sealed class StorageOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<StorageOptions>
{
    public void PostConfigure(string? name, StorageOptions options)
    {
        if (options.UsesConnectionString || options.BlobServiceUri is not null || options.AccountName is not null)
            return;

        var functions = configuration.GetSection(StorageOptions.FunctionsSetting);
        if (!string.IsNullOrWhiteSpace(functions.Value))
        {
            options.ConnectionString = functions.Value;
            return;
        }

        options.BlobServiceUri ??= AsUri(functions["blobServiceUri"]);
        options.QueueServiceUri ??= AsUri(functions["queueServiceUri"]);
        options.TableServiceUri ??= AsUri(functions["tableServiceUri"]);
        options.AccountName ??= functions["accountName"];
    }

    private static Uri? AsUri(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new Uri(value, UriKind.Absolute);
}
