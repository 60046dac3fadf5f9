namespace DigestPipeline.Core.Subscriptions;

/// <summary>Why one form field cannot be accepted, worded in the subscriber's language.</summary>
/// <param name="Field">The form field: <c>email</c>, <c>name</c>, <c>themes</c>, <c>language</c>, <c>readingLanguages</c>, <c>frequency</c>, <c>time</c>, <c>day</c>, <c>cron</c> or <c>timeZone</c>.</param>
public sealed record FieldProblem(string Field, string Message);
