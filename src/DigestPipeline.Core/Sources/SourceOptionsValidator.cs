using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Sources;

/// <summary>What the data annotations cannot say: the back-off's cap is not below its base, the agent is one header line.</summary>
public sealed class SourceOptionsValidator : IValidateOptions<SourceOptions>
{
    public ValidateOptionsResult Validate(string? name, SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.BackOffMax < options.BackOffBase)
            errors.Add($"{SourceOptions.Section}:BackOffMax ({options.BackOffMax}) is below {SourceOptions.Section}:BackOffBase ({options.BackOffBase}).");
        foreach (var address in options.AllowedAddresses)
        {
            if (!System.Net.IPAddress.TryParse(address, out _))
                errors.Add($"{SourceOptions.Section}:AllowedAddresses: '{address}' is not an IP address.");
        }

        if (options.UserAgent.Any(char.IsControl))
            errors.Add($"{SourceOptions.Section}:UserAgent must be one line.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
