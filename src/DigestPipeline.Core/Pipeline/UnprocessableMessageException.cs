namespace DigestPipeline.Core.Pipeline;

/// <summary>
/// A message that no retry can make succeed although it is well formed (it names a document that was never
/// ingested, for example): the queue endpoint sends it to poison at once, like a malformed one.
/// </summary>
public sealed class UnprocessableMessageException(string message) : Exception(message);
