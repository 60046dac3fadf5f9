using Microsoft.Extensions.Options;

namespace DigestPipeline.Web;

/// <summary>
/// A rate and a burst of at least one; Entra's authority and audience together or not at all, the authority https
/// (plain http only on a loopback address: the tests' stand-in issuer), so that keys are never fetched in clear.
/// </summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.RequestsPerMinute < 1)
            errors.Add($"{ApiOptions.Section}:RequestsPerMinute must be at least 1 (it is {options.RequestsPerMinute}).");
        if (options.Burst < 1)
            errors.Add($"{ApiOptions.Section}:Burst must be at least 1 (it is {options.Burst}).");
        if (options.MaxFilesPerRequest < 1)
            errors.Add($"{ApiOptions.Section}:MaxFilesPerRequest must be at least 1 (it is {options.MaxFilesPerRequest}).");

        var entra = options.Entra;
        var hasAuthority = !string.IsNullOrWhiteSpace(entra.Authority);
        if (hasAuthority != !string.IsNullOrWhiteSpace(entra.Audience))
            errors.Add($"{ApiOptions.Section}:Entra:Authority and {ApiOptions.Section}:Entra:Audience go together: set both to accept Entra ID tokens, or neither.");
        if (hasAuthority)
        {
            if (!Uri.TryCreate(entra.Authority, UriKind.Absolute, out var authority)
                || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback)))
                errors.Add($"{ApiOptions.Section}:Entra:Authority must be an https address (https://login.microsoftonline.com/<tenant id>/v2.0); it is '{entra.Authority}'.");
        }

        if (entra.RequiredRole is { } role && role.Any(char.IsControl))
            errors.Add($"{ApiOptions.Section}:Entra:RequiredRole must be one line.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
