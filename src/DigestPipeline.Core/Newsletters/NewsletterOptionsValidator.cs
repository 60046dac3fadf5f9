using System.Net;
using DigestPipeline.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Newsletters;

/// <summary>
/// What the data annotations cannot say, checked at start when a host is set: credentials present and resolved, no
/// clear text beyond loopback, senders well formed, folders distinct.
/// </summary>
public sealed class NewsletterOptionsValidator : IValidateOptions<NewsletterOptions>
{
    public ValidateOptionsResult Validate(string? name, NewsletterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
            return ValidateOptionsResult.Success;
        const string s = NewsletterOptions.Section;
        var errors = new List<string>();
        if (KeyVaultReference.IsUnresolved(options.Password))
            errors.Add(KeyVaultReference.Refusal($"{s}:Password"));
        if (string.IsNullOrWhiteSpace(options.User) || string.IsNullOrEmpty(options.Password))
            errors.Add($"{s}:User and {s}:Password are required when {s}:Host is set (the password from the environment or Key Vault).");
        if (options.Security == MailboxSecurity.None && !IsLoopback(options.Host!))
            errors.Add($"{s}:Security None (clear text) is allowed only for a loopback host, not '{options.Host}': use SslOnConnect or StartTls.");
        if (options.AllowedSenders.Count == 0)
            errors.Add($"{s}:AllowedSenders is empty: name the addresses (news@example.org) or domains (@example.org) whose newsletters are read.");
        foreach (var sender in options.AllowedSenders)
        {
            if (!SenderList.IsWellFormed(sender))
                errors.Add($"{s}:AllowedSenders: '{sender}' is neither an address (news@example.org) nor a domain (@example.org).");
        }

        var folders = new[] { options.Folder, options.ProcessedFolder, options.RefusedFolder };
        if (folders.Any(string.IsNullOrWhiteSpace) || folders.Distinct(StringComparer.OrdinalIgnoreCase).Count() != 3)
            errors.Add($"{s}:Folder, {s}:ProcessedFolder and {s}:RefusedFolder must be set and different.");
        if (options.BackOffMax < options.BackOffBase)
            errors.Add($"{s}:BackOffMax ({options.BackOffMax}) is below {s}:BackOffBase ({options.BackOffBase}).");
        if (options.MaxAttachmentBytes > options.MaxMessageBytes)
            errors.Add($"{s}:MaxAttachmentBytes ({options.MaxAttachmentBytes}) exceeds {s}:MaxMessageBytes ({options.MaxMessageBytes}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
