using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Web.Console;

/// <summary>
/// Refuses, at start, a console that would be open to more people than meant. In Azure the Functions host hands each
/// request to the worker over loopback, so a <see cref="ConsoleAccessMode.Local"/> console there would take the
/// internet for "this machine": Azure (App Service's <c>WEBSITE_SITE_NAME</c>) needs another mode.
/// </summary>
public sealed class ConsoleOptionsValidator(IConfiguration configuration) : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var failures = new List<string>();
        var inAzure = !string.IsNullOrEmpty(configuration["WEBSITE_SITE_NAME"]);
        switch (options.Access)
        {
            case ConsoleAccessMode.Local when inAzure:
                failures.Add($"{ConsoleOptions.Section}:Access is Local in Azure, where every request reaches the worker over loopback: set it to AppServiceAuthentication (infra/ does so when consoleOperators is given) or Off.");
                break;
            case ConsoleAccessMode.AppServiceAuthentication:
                if (options.OperatorList.Count == 0)
                    failures.Add($"{ConsoleOptions.Section}:Operators must list the Entra ID users allowed in (object ids or user names, separated by commas).");
                break;
        }

        if (options.LoginLinkLifetime <= TimeSpan.Zero || options.SessionLifetime <= TimeSpan.Zero)
            failures.Add($"{ConsoleOptions.Section}:LoginLinkLifetime and SessionLifetime must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
