using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Sources;

/// <summary>What is being fetched: it decides which content types are accepted and the size cap.</summary>
public enum FetchKind
{
    Feed,
    Page,
    Robots,
}

public enum FetchStatus
{
    Ok,
    NotModified,
    Failed,
}

/// <summary>The answer to one fetch (after redirects): the body when <see cref="FetchStatus.Ok"/>, the reason when failed.</summary>
/// <param name="Requests">HTTP requests made, redirects included.</param>
/// <param name="BodyBytes">Body bytes read, over all of them.</param>
public sealed record FetchResult(
    FetchStatus Status,
    Uri FinalUrl,
    int StatusCode,
    byte[] Body,
    string? ContentType,
    string? Charset,
    string? ETag,
    string? LastModified,
    string? Problem,
    int Requests,
    long BodyBytes)
{
    /// <summary>Refused by the safety rules (scheme, address), not failed at the site: said as it is, wherever it happens.</summary>
    public bool Refused { get; init; }
}

/// <summary>
/// The one way the pipeline fetches from the web, made safe to point at any address a feed names (SSRF): http and
/// https only; the address actually connected to is checked (<see cref="AddressPolicy"/>) in the connect callback, so
/// after DNS resolution and on every redirect, which are followed here, at most <see cref="SourceOptions.MaxRedirects"/>;
/// no proxy (it would be the address checked); the body streamed and cut at the cap; each request held to
/// <see cref="SourceOptions.RequestTimeout"/>; content types allowed by list. A failure is a result with its reason,
/// never an exception (except cancellation).
/// </summary>
public sealed class WebFetcher : IDisposable
{
    private readonly SourceOptions _options;
    private readonly HttpClient _client;
    private readonly HashSet<IPAddress> _allowed;

    /// <remarks>The request timeout is the network's real time, not the <see cref="TimeProvider"/> schedules use:
    /// a socket waits in real time whatever clock the scheduler reads.</remarks>
    public WebFetcher(IOptions<SourceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _allowed = _options.AllowedAddresses.Select(IPAddress.Parse).ToHashSet();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = _options.RequestTimeout,
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
    }

    public async Task<FetchResult> FetchAsync(Uri url, FetchKind kind, string? eTag = null, string? lastModified = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var requests = 0;
        long bytes = 0;
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
                return Failed(current, 0, $"only http and https are fetched, not '{current.Scheme}:'", requests, bytes) with { Refused = true };
            using var timeout = new CancellationTokenSource(_options.RequestTimeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd(Accept(kind));
                if (eTag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", eTag);
                if (lastModified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                requests++;
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    if (response.Headers.Location is not { } location)
                        return Failed(current, status, $"HTTP {status} without a Location", requests, bytes);
                    if (hop >= _options.MaxRedirects)
                        return Failed(current, status, $"more than {_options.MaxRedirects} redirects", requests, bytes);
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                var validators = (response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
                if (response.StatusCode == HttpStatusCode.NotModified)
                    return new FetchResult(FetchStatus.NotModified, current, status, [], null, null, validators.Item1 ?? eTag, validators.Item2 ?? lastModified, null, requests, bytes);
                if (!response.IsSuccessStatusCode)
                    return Failed(current, status, $"HTTP {status} {response.ReasonPhrase}".TrimEnd(), requests, bytes);

                var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
                if (!Accepts(kind, mediaType))
                    return Failed(current, status, $"content type '{mediaType ?? "(none)"}' is not one a {kind.ToString().ToLowerInvariant()} may have", requests, bytes);
                var max = kind switch { FetchKind.Feed => _options.MaxFeedBytes, FetchKind.Robots => 512 * 1024, _ => _options.MaxPageBytes };
                if (response.Content.Headers.ContentLength > max)
                    return Failed(current, status, $"{response.Content.Headers.ContentLength:N0} bytes announced; the limit is {max:N0}", requests, bytes);

                var (body, truncated) = await ReadCappedAsync(response.Content, max, linked.Token);
                bytes += body.Length;
                if (truncated)
                    return Failed(current, status, $"larger than the {max:N0} bytes allowed; stopped there", requests, bytes);
                return new FetchResult(FetchStatus.Ok, current, status, body, mediaType, response.Content.Headers.ContentType?.CharSet,
                    validators.Item1, validators.Item2, null, requests, bytes);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return Failed(current, 0, $"no complete answer within {_options.RequestTimeout.TotalSeconds:0.#} s", requests, bytes);
            }
            catch (HttpRequestException e)
            {
                var forbidden = e.InnerException as ForbiddenAddressException ?? e.InnerException?.InnerException as ForbiddenAddressException;
                return forbidden is not null
                    ? Failed(current, 0, forbidden.Message, requests, bytes) with { Refused = true }
                    : Failed(current, 0, $"could not connect: {e.Message}", requests, bytes);
            }
        }
    }

    private static string Accept(FetchKind kind) => kind switch
    {
        FetchKind.Feed => "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8",
        FetchKind.Page => "text/html, application/xhtml+xml, text/plain;q=0.8",
        _ => "text/plain",
    };

    /// <summary>The content types each kind may have: a feed is XML, RSS, Atom or JSON; a page HTML, XHTML or text.</summary>
    public static bool Accepts(FetchKind kind, string? mediaType) => kind switch
    {
        FetchKind.Feed => mediaType is not null && (mediaType.Contains("xml", StringComparison.Ordinal) || mediaType.Contains("rss", StringComparison.Ordinal)
                                                    || mediaType.Contains("atom", StringComparison.Ordinal) || mediaType.Contains("json", StringComparison.Ordinal)),
        FetchKind.Page => mediaType is "text/html" or "application/xhtml+xml" or "text/plain",
        _ => true,
    };

    private static async Task<(byte[] Body, bool Truncated)> ReadCappedAsync(HttpContent content, long max, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0) return (buffer.ToArray(), false);
            buffer.Write(chunk, 0, read);
            // Stop at the cap: the rest of an endless or huge body is never read.
            if (buffer.Length > max) return (buffer.ToArray()[..(int)Math.Min(buffer.Length, max)], true);
        }
    }

    private static FetchResult Failed(Uri url, int status, string problem, int requests, long bytes) =>
        new(FetchStatus.Failed, url, status, [], null, null, null, null, problem, requests, bytes);

    /// <summary>Resolves the host and connects only to an address the policy allows: the check is on what is connected to.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var usable = _options.AllowPrivateAddresses ? addresses : addresses.Where(a => AddressPolicy.Problem(a) is null || _allowed.Contains(a)).ToArray();
        if (usable.Length == 0)
        {
            var problem = addresses.Length == 0 ? "no address" : AddressPolicy.Problem(addresses[0]);
            throw new ForbiddenAddressException($"{host} is {problem} ({string.Join(", ", addresses.Take(3))}): not fetched (Sources:AllowPrivateAddresses is off)");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>The address a fetch would connect to is not allowed (<see cref="AddressPolicy"/>).</summary>
public sealed class ForbiddenAddressException(string message) : IOException(message);
