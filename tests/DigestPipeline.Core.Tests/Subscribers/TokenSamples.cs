using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Tests.Subscribers;

/// <summary>Token issuers and link builders for tests: a fixed secret and base URL, a clock set by the test.</summary>
internal static class TokenSamples
{
    public const string Secret = "unit-test-secret-0123456789-abcdefghij";
    public const string OtherSecret = "another-secret-0123456789-abcdefghijkl";
    public const string BaseUrl = "https://digest.example.org";
    public const string SubscriberId = "0a1b2c3d4e5f60718293a4b5";

    public static readonly DateTimeOffset Now = new(2025, 3, 3, 7, 0, 0, TimeSpan.Zero);

    public static SubscriptionOptions Options(string secret = Secret, string baseUrl = BaseUrl) =>
        new() { TokenSecret = secret, PublicBaseUrl = baseUrl };

    public static SubscriberTokens Tokens(TimeProvider? time = null, string secret = Secret) =>
        new(Microsoft.Extensions.Options.Options.Create(Options(secret)), time ?? new ManualTime(Now));

    public static SubscriberLinks Links(TimeProvider? time = null, string baseUrl = BaseUrl) =>
        new(Tokens(time), Microsoft.Extensions.Options.Options.Create(Options(baseUrl: baseUrl)));

    /// <summary>The token of a link: its <c>token</c> query parameter.</summary>
    public static string TokenOf(string url)
    {
        var query = new Uri(url).Query.TrimStart('?');
        return query.Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == "token")[1];
    }
}
