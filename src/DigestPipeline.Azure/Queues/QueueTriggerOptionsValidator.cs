using Microsoft.Extensions.Options;

namespace DigestPipeline.Azure.Queues;

internal sealed class QueueTriggerOptionsValidator : IValidateOptions<QueueTriggerOptions>
{
    private const string Where = "host.json extensions:queues";

    public ValidateOptionsResult Validate(string? name, QueueTriggerOptions options)
    {
        var errors = new List<string>();
        if (options.BatchSize is < 1 or > 32)
            errors.Add($"{Where}:batchSize must be between 1 and 32 (was {options.BatchSize}).");
        if (options.NewBatchThreshold < 0)
            errors.Add($"{Where}:newBatchThreshold must not be negative (was {options.NewBatchThreshold}).");
        if (options.MaxDequeueCount < 1)
            errors.Add($"{Where}:maxDequeueCount must be at least 1 (was {options.MaxDequeueCount}).");
        if (options.VisibilityTimeout < TimeSpan.Zero || options.VisibilityTimeout > TimeSpan.FromDays(7))
            errors.Add($"{Where}:visibilityTimeout must be between 00:00:00 and 7 days (was {options.VisibilityTimeout}).");
        if (options.MaxPollingInterval < TimeSpan.FromMilliseconds(100))
            errors.Add($"{Where}:maxPollingInterval must be at least 00:00:00.100 (was {options.MaxPollingInterval}).");
        if (!options.IsBase64 && !string.Equals(options.MessageEncoding, "none", StringComparison.OrdinalIgnoreCase))
            errors.Add($"{Where}:messageEncoding must be 'base64' or 'none' (was '{options.MessageEncoding}').");
        if (options.ProcessingLease < TimeSpan.FromSeconds(2))
            errors.Add($"{Where}:processingLease must be at least 2 seconds (was {options.ProcessingLease}).");
        if (options.DrainTimeout < TimeSpan.Zero)
            errors.Add($"{Where}:drainTimeout must not be negative (was {options.DrainTimeout}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
