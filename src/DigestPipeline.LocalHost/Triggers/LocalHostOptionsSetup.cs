using Cronos;
using DigestPipeline.Core.Digests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DigestPipeline.LocalHost;

/// <summary>Defaults the timer schedule to <c>Digests:PlanSchedule</c>, and refuses settings that cannot work.</summary>
internal sealed class LocalHostOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<LocalHostOptions>, IValidateOptions<LocalHostOptions>
{
    public void PostConfigure(string? name, LocalHostOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TimerSchedule))
            options.TimerSchedule = configuration[$"{DigestOptions.Section}:{nameof(DigestOptions.PlanSchedule)}"] is { Length: > 0 } configured
                ? configured
                : new DigestOptions().PlanSchedule;
    }

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
        try
        {
            CronSchedule.Parse(options.TimerSchedule ?? "");
        }
        catch (CronFormatException e)
        {
            errors.Add($"{LocalHostOptions.Section}:TimerSchedule (or {DigestOptions.Section}:PlanSchedule) '{options.TimerSchedule}' is not a cron expression: {e.Message}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
