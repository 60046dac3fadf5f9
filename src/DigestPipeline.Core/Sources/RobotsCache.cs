using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Sources;

/// <summary>
/// Each site's robots.txt, read once per <see cref="SourceOptions.RobotsCacheFor"/> (so a feed at rest costs one
/// conditional request, not two). A missing robots.txt (any 4xx) allows all; one that cannot be read (5xx, no
/// connection) allows nothing for now and is not kept, as RFC 9309 asks.
/// </summary>
public sealed class RobotsCache(WebFetcher fetcher, IOptions<SourceOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (RobotsRules Rules, DateTimeOffset Until)> _sites = new(StringComparer.Ordinal);

    /// <returns>Null when the path may be fetched, else why not; plus the requests and bytes it cost.</returns>
    public async Task<(string? Problem, int Requests, long Bytes)> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var site = url.GetLeftPart(UriPartial.Authority);
        var now = time.GetUtcNow();
        int requests = 0;
        long bytes = 0;
        if (!_sites.TryGetValue(site, out var cached) || cached.Until <= now)
        {
            var fetched = await fetcher.FetchAsync(new Uri(site + "/robots.txt"), FetchKind.Robots, cancellationToken: cancellationToken);
            (requests, bytes) = (fetched.Requests, fetched.BodyBytes);
            if (fetched.Status == FetchStatus.Ok)
                cached = (RobotsRules.Parse(System.Text.Encoding.UTF8.GetString(fetched.Body), options.Value.RobotsAgent), now + options.Value.RobotsCacheFor);
            else if (fetched.StatusCode is >= 400 and < 500)
                cached = (RobotsRules.AllowAll, now + options.Value.RobotsCacheFor);
            else if (fetched.Refused)
                return (fetched.Problem, requests, bytes);
            else
                return ($"robots.txt could not be read ({fetched.Problem}); nothing is fetched from the site until it can", requests, bytes);
            _sites[site] = cached;
        }

        return (cached.Rules.IsAllowed(url.PathAndQuery) ? null : $"robots.txt disallows {url.AbsolutePath}", requests, bytes);
    }
}
