using System.ComponentModel.DataAnnotations;

namespace DigestPipeline.Core.Sources;

/// <summary>Feeds and web pages (configuration section <c>Sources</c>): the poller's courtesy and its safety caps.</summary>
public sealed class SourceOptions
{
    public const string Section = "Sources";

    /// <summary>
    /// Fetch from private, loopback, link-local and multicast addresses too. Off by default: a feed could otherwise
    /// point the host at its own network (SSRF); the tests turn it on for their loopback server.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>
    /// Single addresses allowed although private (an intranet feed server), when <see cref="AllowPrivateAddresses"/>
    /// is off: everything else private stays refused, a redirect to it included.
    /// </summary>
    public IList<string> AllowedAddresses { get; } = [];

    /// <summary>Sent with every request, naming the project, so that a site's owner knows who polls them.</summary>
    [Required]
    public string UserAgent { get; set; } = "DigestPipeline/1.0 (briefing digests; +https://github.com/digestpipeline)";

    /// <summary>The product token robots.txt groups are matched against.</summary>
    [Required]
    public string RobotsAgent { get; set; } = "DigestPipeline";

    /// <summary>How often a source added without <c>--every</c> is polled.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DefaultEvery { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>New items taken from one poll; the rest wait for the next poll.</summary>
    [Range(1, 1000)]
    public int MaxItemsPerPoll { get; set; } = 20;

    [Range(1024, 100 * 1024 * 1024)]
    public long MaxFeedBytes { get; set; } = 5 * 1024 * 1024;

    [Range(1024, 100 * 1024 * 1024)]
    public long MaxPageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The longest one request (connection, headers and body) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>After a failed poll the wait doubles from this, per source, up to <see cref="BackOffMax"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BackOffBase { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan BackOffMax { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a site's robots.txt is trusted before it is read again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RobotsCacheFor { get; set; } = TimeSpan.FromHours(24);
}
