using Cronos;
using DigestPipeline.Core.Digests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DigestPipeline.LocalHost;

/// <summary>Refuses local host settings that cannot work, the planning schedule its timer runs included.</summary>
internal sealed class LocalHostOptionsSetup(IConfiguration configuration) : IValidateOptions<LocalHostOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalHostOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.HostId) || options.HostId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            errors.Add($"{LocalHostOptions.Section}:HostId must be letters, digits, '-' or '_' (was '{options.HostId}').");
        if (options.BlobPollInterval <= TimeSpan.Zero)
            errors.Add($"{LocalHostOptions.Section}:BlobPollInterval must be positive (was {options.BlobPollInterval}).");
        if (options.TimerLeaseDuration < TimeSpan.FromSeconds(15) || options.TimerLeaseDuration > TimeSpan.FromSeconds(60))
            errors.Add($"{LocalHostOptions.Section}:TimerLeaseDuration must be between 15 and 60 seconds (was {options.TimerLeaseDuration}).");
        if (options.MaxRetryDelay < TimeSpan.FromMilliseconds(100))
            errors.Add($"{LocalHostOptions.Section}:MaxRetryDelay must be at least 100 ms (was {options.MaxRetryDelay}).");
        if (options.TimerLockRetryInterval <= TimeSpan.Zero)
            errors.Add($"{LocalHostOptions.Section}:TimerLockRetryInterval must be positive (was {options.TimerLockRetryInterval}).");
        CheckCron(errors, $"{LocalHostOptions.Section}:TimerSchedule", options.TimerSchedule);
        var plan = $"{DigestOptions.Section}:{nameof(DigestOptions.PlanSchedule)}";
        CheckCron(errors, plan, configuration[plan]);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckCron(List<string> errors, string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        try
        {
            CronSchedule.Parse(value);
        }
        catch (CronFormatException e)
        {
            errors.Add($"{setting} '{value}' is not a cron expression: {e.Message}");
        }
    }
}
