using System.Collections.Concurrent;
using System.Net.Sockets;
using DigestPipeline.Core.Digests;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Mail;

/// <summary>
/// Sends digests over SMTP through a small pool of reused MailKit connections: at most
/// <see cref="SmtpOptions.MaxConnections"/>, each serving one message at a time, opened on demand and kept.
/// </summary>
/// <remarks>
/// Each connection is a <see cref="Socket"/> connected here with <c>NoDelay</c> and handed to MailKit: with
/// MailKit's own socket, Nagle's algorithm meets delayed ACK and every message stalls ~44 ms on Linux.
/// A connection that fails is discarded and the exception propagates, so the caller's queue retries the digest.
/// </remarks>
public sealed class SmtpMailSender(IOptions<SmtpOptions> options, ILogger<SmtpMailSender> logger)
    : IMailSender, IAsyncDisposable, IDisposable
{
    private readonly SmtpOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConnections, options.Value.MaxConnections);
    private readonly ConcurrentStack<PooledConnection> _idle = new();
    private readonly CancellationTokenSource _disposing = new();
    private int _connectionsOpened;
    private int _messagesSent;
    private int _disposed;

    /// <summary>SMTP connections opened since start, failed attempts included (a healthy pool opens at most MaxConnections).</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    /// <summary>Messages the server accepted.</summary>
    public int MessagesSent => Volatile.Read(ref _messagesSent);

    public async Task SendAsync(DigestEmail email, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // Built (and header-checked) before any connection is taken: a bad message never reaches the server.
        using var message = DigestMimeMessage.Create(email);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        var token = linked.Token;
        await _slots.WaitAsync(token).ConfigureAwait(false);
        PooledConnection? connection = null;
        try
        {
            connection = await TakeConnectionAsync(token).ConfigureAwait(false);
            await connection.Client.SendAsync(message, token).ConfigureAwait(false);
            connection.LastUsed = Environment.TickCount64;
            Interlocked.Increment(ref _messagesSent);
            Return(connection);
            connection = null;
        }
        catch (SmtpCommandException ex) when (connection is not null && connection.Client.IsConnected)
        {
            // The server refused this message (a recipient, the size...): the connection itself is fine.
            logger.LogWarning("SMTP server refused message {MessageId}: {StatusCode} {Error}", email.MessageId, ex.StatusCode, ex.Message);
            connection.LastUsed = Environment.TickCount64;
            Return(connection);
            connection = null;
            throw;
        }
        catch (Exception ex) when (connection is not null)
        {
            // IOException, SmtpProtocolException, ServiceNotConnectedException, a cancelled or timed-out
            // exchange: the connection's state is unknown, so it is not reused.
            logger.LogWarning(ex, "SMTP connection {Connection} to {Host}:{Port} failed and is discarded", connection.Number, _options.Host, _options.Port);
            Discard(connection);
            connection = null;
            throw;
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<PooledConnection> TakeConnectionAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryPop(out var connection))
        {
            if (!connection.Client.IsConnected)
            {
                logger.LogDebug("SMTP connection {Connection} was closed while idle; opening another", connection.Number);
                Discard(connection);
                continue;
            }

            if (Environment.TickCount64 - connection.LastUsed < (long)_options.IdleCheckAfter.TotalMilliseconds)
            {
                return connection;
            }

            try
            {
                await connection.Client.NoOpAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or ServiceNotConnectedException or SmtpCommandException)
            {
                // The health check of an idle connection, not a send: the server dropped it (idle timeout), so a
                // new one is opened. Nothing was sent on it, nothing is lost.
                logger.LogInformation("SMTP connection {Connection} idle since {Idle} failed its check ({Error}); opening another",
                    connection.Number, TimeSpan.FromMilliseconds(Environment.TickCount64 - connection.LastUsed), ex.Message);
                Discard(connection);
            }
        }

        return await ConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<PooledConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _connectionsOpened);
        var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(_options.Host, _options.Port, cancellationToken).ConfigureAwait(false);
            // MailKit owns the socket from here (it closes it on Disconnect/Dispose).
            await client.ConnectAsync(socket, _options.Host, _options.Port, _options.Security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }

        logger.LogInformation("SMTP connection {Connection} opened to {Host}:{Port} ({Security}{Auth})",
            number, _options.Host, _options.Port, _options.Security,
            string.IsNullOrEmpty(_options.UserName) ? "" : ", authenticated");
        return new PooledConnection(number, client) { LastUsed = Environment.TickCount64 };
    }

    /// <summary>Back to the pool, or closed when the pool was disposed meanwhile.</summary>
    private void Return(PooledConnection connection)
    {
        _idle.Push(connection);
        if (Volatile.Read(ref _disposed) != 0 && _idle.TryPop(out var late))
        {
            Discard(late);
        }
    }

    /// <summary>Closes the socket; no polite QUIT on a connection already known to be bad.</summary>
    private static void Discard(PooledConnection connection) => connection.Client.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        while (_idle.TryPop(out var connection))
        {
            try
            {
                if (connection.Client.IsConnected)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await connection.Client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                // Shutting down: the message traffic is over, so a failed QUIT is reported, not thrown from Dispose.
                logger.LogWarning(ex, "SMTP connection {Connection} did not close cleanly", connection.Number);
            }
            finally
            {
                connection.Client.Dispose();
            }
        }

        logger.LogInformation("SMTP pool closed after {Messages} messages on {Connections} connections", MessagesSent, ConnectionsOpened);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed class PooledConnection(int number, SmtpClient client)
    {
        public int Number { get; } = number;

        public SmtpClient Client { get; } = client;

        public long LastUsed { get; set; }
    }
}
