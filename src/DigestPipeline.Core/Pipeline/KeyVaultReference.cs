namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// App Service (and so Azure Functions) resolves an app setting written <c>@Microsoft.KeyVault(SecretUri=…)</c> to the
/// secret; when it cannot (the app's identity has no access yet, right after provisioning; the secret is missing), it
/// hands the app the reference text itself as the value. Such a value must never be used as a secret: the token
/// secret would then be text anyone who knows the vault's and secret's names can write. Settings validation refuses
/// it, naming the setting and never echoing the value.
/// </summary>
public static class KeyVaultReference
{
    private const string Prefix = "@Microsoft.KeyVault(";

    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The refusal naming <paramref name="setting"/>.</summary>
    public static string Refusal(string setting) =>
        $"{setting} holds an unresolved Key Vault reference, not a secret: the platform could not read it from Key Vault " +
        "(check that the app's identity has the Key Vault Secrets User role on the vault and that the secret exists), so the app refuses to start.";
}
