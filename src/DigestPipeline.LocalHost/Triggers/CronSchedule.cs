using Cronos;

namespace DigestPipeline.LocalHost;

/// <summary>A cron expression in UTC: 5 fields (minutes), or 6 (seconds first) like the Functions timer trigger.</summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(string text, CronExpression expression)
    {
        Text = text;
        _expression = expression;
    }

    public string Text { get; }

    /// <exception cref="CronFormatException">not a 5- or 6-field cron expression.</exception>
    public static CronSchedule Parse(string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return new CronSchedule(text, CronExpression.Parse(text, format));
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) =>
        _expression.GetNextOccurrence(after, TimeZoneInfo.Utc);

    public override string ToString() => Text;
}
