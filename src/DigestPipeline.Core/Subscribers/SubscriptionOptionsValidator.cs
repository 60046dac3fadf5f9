using System.Text;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Subscribers;

/// <summary>Stops the start on a missing or short secret, or a public address links cannot be built on. Never echoes the secret.</summary>
public sealed class SubscriptionOptionsValidator : IValidateOptions<SubscriptionOptions>
{
    public ValidateOptionsResult Validate(string? name, SubscriptionOptions options)
    {
        var failures = new List<string>();
        if (KeyVaultReference.IsUnresolved(options.TokenSecret))
        {
            failures.Add(KeyVaultReference.Refusal($"{SubscriptionOptions.Section}:TokenSecret"));
        }
        else if (string.IsNullOrEmpty(options.TokenSecret))
        {
            failures.Add($"{SubscriptionOptions.Section}:TokenSecret is not set: set it (at least {SubscriptionOptions.MinSecretBytes} bytes, " +
                "e.g. `openssl rand -base64 48`) in the environment or a secret store.");
        }
        else if (Encoding.UTF8.GetByteCount(options.TokenSecret) < SubscriptionOptions.MinSecretBytes)
        {
            failures.Add($"{SubscriptionOptions.Section}:TokenSecret is shorter than {SubscriptionOptions.MinSecretBytes} bytes.");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl)
            || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)
            || baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0 || baseUrl.UserInfo.Length > 0)
        {
            failures.Add($"{SubscriptionOptions.Section}:PublicBaseUrl '{options.PublicBaseUrl}' is not an absolute http(s) address " +
                "without query, fragment or credentials.");
        }

        foreach (var purpose in Enum.GetValues<TokenPurpose>())
        {
            if (options.LifetimeOf(purpose) <= TimeSpan.Zero)
                failures.Add($"{SubscriptionOptions.Section}: the {purpose} token lifetime must be positive.");
        }

        if (options.ConfirmationsPerAddressPerHour < 1 || options.ConfirmationsPerClientPerHour < 1)
            failures.Add($"{SubscriptionOptions.Section}: the confirmation email limits must be at least 1 per hour.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
