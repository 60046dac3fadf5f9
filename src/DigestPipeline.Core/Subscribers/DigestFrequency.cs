namespace DigestPipeline.Core.Subscribers;

/// <summary>How often a subscriber wants a digest, as the subscribe and preferences forms offer it.</summary>
public enum DigestFrequency
{
    Daily,

    /// <summary>Once a week, on a chosen day.</summary>
    Weekly,

    /// <summary>Any 5-field cron expression, for schedules the two others cannot say.</summary>
    Cron,
}
