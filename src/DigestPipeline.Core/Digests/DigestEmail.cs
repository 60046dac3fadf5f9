namespace DigestPipeline.Core.Digests;

/// <summary>A composed digest ready to send: both bodies, and a Message-ID that is the same for every retry.</summary>
/// <param name="MessageId">Without angle brackets, e.g. <c>3f2a…@digestpipeline</c>.</param>
public sealed record DigestEmail(
    EmailAddress From,
    EmailAddress To,
    string Subject,
    string HtmlBody,
    string TextBody,
    string MessageId,
    DateTimeOffset Date,
    IReadOnlyDictionary<string, string> Headers);
