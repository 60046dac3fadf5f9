using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Translation;

/// <summary>
/// Stops the start on a provider half configured (a model or key without an endpoint, an endpoint without a model),
/// an endpoint that is not an absolute http(s) address, or a key and managed identity both. Never echoes the key.
/// </summary>
public sealed class TranslationOptionsValidator : IValidateOptions<TranslationOptions>
{
    public ValidateOptionsResult Validate(string? name, TranslationOptions options)
    {
        var failures = new List<string>();
        const string section = TranslationOptions.Section;
        if (!options.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(options.Model) || !string.IsNullOrEmpty(options.ApiKey) || options.UseManagedIdentity)
                failures.Add($"{section}:Endpoint is not set, yet {section}:Model, :ApiKey or :UseManagedIdentity is: set the endpoint, or none of them (no translation).");
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)
            || endpoint.UserInfo.Length > 0 || endpoint.Query.Length > 0)
        {
            // Not echoed: a malformed address may carry credentials.
            failures.Add($"{section}:Endpoint is not an absolute http(s) address without credentials or query.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
            failures.Add($"{section}:Model is not set: name the model (or Azure OpenAI deployment) to use.");
        if (KeyVaultReference.IsUnresolved(options.ApiKey))
            failures.Add(KeyVaultReference.Refusal($"{section}:ApiKey"));
        if (!string.IsNullOrEmpty(options.ApiKey) && options.UseManagedIdentity)
            failures.Add($"{section}:ApiKey and {section}:UseManagedIdentity are both set: choose one.");
        if (options.Timeout <= TimeSpan.Zero)
            failures.Add($"{section}:Timeout must be positive.");
        if (options.BatchBudget <= TimeSpan.Zero)
            failures.Add($"{section}:BatchBudget must be positive.");
        if (options.RetryAfter < TimeSpan.Zero)
            failures.Add($"{section}:RetryAfter must not be negative.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
