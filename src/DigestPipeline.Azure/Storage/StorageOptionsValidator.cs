using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Azure.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (KeyVaultReference.IsUnresolved(options.ConnectionString))
            return ValidateOptionsResult.Fail(KeyVaultReference.Refusal($"{StorageOptions.Section}:ConnectionString (or {StorageOptions.FunctionsSetting})"));
        if (options.UsesConnectionString)
            return ValidateOptionsResult.Success;

        var hasAllUris = options.BlobServiceUri is not null && options.QueueServiceUri is not null && options.TableServiceUri is not null;
        if (hasAllUris || !string.IsNullOrWhiteSpace(options.AccountName))
            return ValidateOptionsResult.Success;

        if (options.BlobServiceUri is not null || options.QueueServiceUri is not null || options.TableServiceUri is not null)
        {
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.Section}: set all three of BlobServiceUri, QueueServiceUri and TableServiceUri (or AccountName), not only some of them.");
        }

        return ValidateOptionsResult.Fail(
            $"No storage account configured. Set {StorageOptions.Section}:ConnectionString (for Azurite: the connection string `digest up` prints), " +
            $"or {StorageOptions.Section}:AccountName / {StorageOptions.Section}:BlobServiceUri, QueueServiceUri, TableServiceUri to use a managed identity, " +
            $"or the Functions setting {StorageOptions.FunctionsSetting}.");
    }
}
