using System.ComponentModel.DataAnnotations;

namespace DigestPipeline.Azure.Messaging;

/// <summary>
/// How long work that failed for a transient reason is retried before it goes to <c>{queue}-poison</c> (section
/// <c>Queues</c>). The same curve in both hosts, because <see cref="QueueEndpoint"/> applies it, not the trigger.
/// </summary>
public sealed class QueueRetryOptions : IValidatableObject
{
    public const string Section = "Queues";

    /// <summary>Delay before the first retry; each later one doubles it (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest delay between two attempts: after an outage, work resumes at most this long after the cause is gone.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "06:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A message still failing this long after its first failure goes to poison. Default 15 minutes: a storage or
    /// SMTP outage of that length costs retries, not dead letters.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FirstRetryDelay > MaxRetryDelay)
            yield return new ValidationResult($"{Section}:FirstRetryDelay ({FirstRetryDelay}) is longer than {Section}:MaxRetryDelay ({MaxRetryDelay}).");
    }
}
