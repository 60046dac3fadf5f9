namespace DigestPipeline.Core.Access;

/// <summary>Who made an API request: an API key (its public id) or an Entra ID principal; <see cref="Id"/> is the rate limiter's partition.</summary>
public sealed record ApiCaller(string Id, string Description);
