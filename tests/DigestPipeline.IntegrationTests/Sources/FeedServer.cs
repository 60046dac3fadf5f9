using System.Collections.Concurrent;
using System.Text;
using DigestPipeline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigestPipeline.IntegrationTests.Sources;

/// <summary>
/// A real web server for the poller: Kestrel on 127.0.0.1 (a free port) serving what each test puts at a path: a
/// document with an ETag and Last-Modified (answering a matching <c>If-None-Match</c> with 304), a status, a redirect,
/// an answer that never finishes, or an endless body. It records every request (path, conditional headers, User-Agent)
/// and the body bytes it sent, which is how the poll's cost at rest is counted.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ServedRequest> _requests = new();
    private long _bodyBytes;

    private FeedServer(WebApplication app) => _app = app;

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<ServedRequest> Requests => _requests.ToList();

    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    public Uri Url(string path) => new(BaseUrl, path);

    public static async Task<FeedServer> StartAsync(CancellationToken cancellationToken)
    {
        var app = LoopbackWebApp.Create();
        var server = new FeedServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        server.BaseUrl = new Uri(LoopbackWebApp.AddressOf(app));
        return server;
    }

    /// <summary>Serves <paramref name="body"/> with a strong ETag (its hash) and a fixed Last-Modified; a matching If-None-Match gets 304.</summary>
    public void Serve(string path, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var eTag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}\"";
        _routes[path] = async context =>
        {
            context.Response.Headers.ETag = eTag;
            context.Response.Headers.LastModified = "Sun, 06 Dec 2026 10:00:00 GMT";
            if (context.Request.Headers.IfNoneMatch.ToString() == eTag)
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.ContentType = contentType;
            await WriteAsync(context, bytes);
        };
    }

    public void Status(string path, int status) => _routes[path] = context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };

    public void Redirect(string path, string location) => _routes[path] = context =>
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    /// <summary>Headers at once, then a body that never comes (until the client gives up).</summary>
    public void Slow(string path, string contentType) => _routes[path] = async context =>
    {
        context.Response.ContentType = contentType;
        await context.Response.StartAsync(context.RequestAborted);
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    };

    /// <summary>An endless body with no Content-Length: only a client that stops at its cap gets out.</summary>
    public void Endless(string path, string contentType) => _routes[path] = async context =>
    {
        context.Response.ContentType = contentType;
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>filler filler filler filler.</p>\n", 512)));
        while (!context.RequestAborted.IsCancellationRequested)
            await WriteAsync(context, chunk);
    };

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _requests.Enqueue(new ServedRequest(path, context.Request.Headers.IfNoneMatch.ToString(), context.Request.Headers.IfModifiedSince.ToString(),
            context.Request.Headers.UserAgent.ToString()));
        if (_routes.TryGetValue(path, out var route))
        {
            try
            {
                await route(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client gave up, as it should.
            }
            catch (IOException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client gave up, as it should.
            }
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private async Task WriteAsync(HttpContext context, byte[] bytes)
    {
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        Interlocked.Add(ref _bodyBytes, bytes.Length);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

public sealed record ServedRequest(string Path, string IfNoneMatch, string IfModifiedSince, string UserAgent);
