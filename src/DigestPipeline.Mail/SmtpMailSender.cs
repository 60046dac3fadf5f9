using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using DigestPipeline.Core.Digests;
using DigestPipeline.Core.Email;
using DigestPipeline.Core.Pipeline;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestPipeline.Mail;

/// <summary>
/// Sends digests over SMTP through a small pool of reused MailKit connections: at most
/// <see cref="SmtpOptions.MaxConnections"/>, each serving one message at a time, opened on demand and kept;
/// optionally no more than <see cref="SmtpOptions.MaxMessagesPerSecond"/> messages per second over all of them, and
/// no more than <see cref="SmtpOptions.QuotaPerMinute"/> per minute over every instance (<see cref="IRelayQuota"/>).
/// </summary>
/// <remarks>
/// <para>Each connection is a <see cref="Socket"/> connected here with <c>NoDelay</c> and handed to MailKit: with
/// MailKit's own socket, Nagle's algorithm meets delayed ACK and every message stalls ~44 ms on Linux.</para>
/// <para>Transient failures (4xx replies, a lost connection, a timeout; see <see cref="SmtpFailure"/>) are tried
/// again up to <see cref="SmtpOptions.MaxAttempts"/> times with <see cref="JitteredBackoff"/>; a connection that failed
/// is discarded, so the next attempt takes another pooled connection or opens a new one. After the last attempt the
/// error propagates and the caller's queue retries the digest. A 5xx on the recipient becomes a
/// <see cref="RecipientRejectedException"/> at once (a bounce); any other failure propagates at once.</para>
/// </remarks>
public sealed class SmtpMailSender : IMailSender, IAsyncDisposable, IDisposable
{
    private readonly SmtpOptions _options;
    private readonly ILogger<SmtpMailSender> _logger;
    private readonly JitteredBackoff _backoff;
    private readonly RateLimiter? _rateLimiter;
    private readonly IRelayQuota? _relayQuota;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<PooledConnection> _idle = new();
    private readonly CancellationTokenSource _disposing = new();
    private long _lastConnectionLoss = long.MinValue;
    private int _connectionsOpened;
    private int _messagesSent;
    private int _retries;
    private int _disposed;

    /// <param name="relayQuota">Required when <see cref="SmtpOptions.QuotaPerMinute"/> is set (the storage adapters register it).</param>
    public SmtpMailSender(IOptions<SmtpOptions> options, ILogger<SmtpMailSender> logger, IRelayQuota? relayQuota = null)
        : this(options, logger, SmtpSendRate.CreateLimiter(options.Value.MaxMessagesPerSecond), relayQuota)
    {
    }

    /// <param name="rateLimiter">Replaces the limiter built from the options (tests drive one by hand); disposed with the sender.</param>
    internal SmtpMailSender(IOptions<SmtpOptions> options, ILogger<SmtpMailSender> logger, RateLimiter? rateLimiter, IRelayQuota? relayQuota = null)
    {
        _options = options.Value;
        _logger = logger;
        if (_options.QuotaPerMinute > 0 && relayQuota is null)
            throw new InvalidOperationException("Mail:Smtp:QuotaPerMinute is set but no shared relay quota is registered (it lives in the storage account).");
        _relayQuota = _options.QuotaPerMinute > 0 ? relayQuota : null;
        _backoff = new JitteredBackoff(_options.RetryBaseDelay, _options.RetryMaxDelay);
        _rateLimiter = rateLimiter;
        _slots = new SemaphoreSlim(_options.MaxConnections, _options.MaxConnections);
    }

    /// <summary>SMTP connections opened since start, failed attempts included (a healthy pool opens at most MaxConnections).</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    /// <summary>Messages the server accepted.</summary>
    public int MessagesSent => Volatile.Read(ref _messagesSent);

    /// <summary>Attempts that failed transiently and were tried again.</summary>
    public int Retries => Volatile.Read(ref _retries);

    public async Task SendAsync(EmailMessage email, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // Built (and header-checked) before any connection is taken: a bad message never reaches the server.
        using var message = MimeEmail.Create(email);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        var token = linked.Token;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SendOnceAsync(message, email.MessageId, token).ConfigureAwait(false);
                return;
            }
            catch (SmtpCommandException ex) when (SmtpFailure.Classify(ex) == SmtpFailureKind.RecipientRejected)
            {
                throw new RecipientRejectedException((int)ex.StatusCode, ex.Message, ex);
            }
            catch (Exception ex) when (attempt < _options.MaxAttempts && !token.IsCancellationRequested
                                       && SmtpFailure.Classify(ex) == SmtpFailureKind.Transient)
            {
                var delay = _backoff.DelayAfter(attempt);
                _logger.LogWarning("SMTP attempt {Attempt} of {MaxAttempts} for message {MessageId} failed ({Error}); trying again in {Delay} ms",
                    attempt, _options.MaxAttempts, email.MessageId, ex.Message, (int)delay.TotalMilliseconds);
                Interlocked.Increment(ref _retries);
                await Task.Delay(delay, token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One attempt: a turn of the relay's quota, a permit from this instance's rate limiter, a pooled connection, one SMTP transaction.</summary>
    private async Task SendOnceAsync(MimeMessage message, string messageId, CancellationToken token)
    {
        if (_relayQuota is not null)
            await _relayQuota.WaitForTurnAsync(_options.QuotaPerMinute, _options.QuotaMaxWait, token).ConfigureAwait(false);
        using var permit = _rateLimiter is null ? null : await _rateLimiter.AcquireAsync(1, token).ConfigureAwait(false);
        if (permit is { IsAcquired: false })
        {
            throw new InvalidOperationException("The SMTP rate limiter refused a permit; its queue is full.");
        }

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
        catch (SmtpCommandException ex) when (connection is not null && connection.Client.IsConnected && !SmtpFailure.ClosesConnection(ex))
        {
            // The server refused this message (a recipient, the size, "try later"): MailKit has reset the
            // transaction (RSET) and the connection itself is fine.
            _logger.LogWarning("SMTP server refused message {MessageId}: {StatusCode} {Error}", messageId, (int)ex.StatusCode, ex.Message);
            connection.LastUsed = Environment.TickCount64;
            Return(connection);
            connection = null;
            throw;
        }
        catch (Exception ex) when (connection is not null)
        {
            // IOException, SmtpProtocolException, ServiceNotConnectedException, a 421, a cancelled or timed-out
            // exchange: the connection's state is unknown, so it is not reused; and since the server may have
            // dropped its other connections too, idle ones are checked before their next use.
            _logger.LogWarning(ex, "SMTP connection {Connection} to {Host}:{Port} failed and is discarded", connection.Number, _options.Host, _options.Port);
            Volatile.Write(ref _lastConnectionLoss, Environment.TickCount64);
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
                _logger.LogDebug("SMTP connection {Connection} was closed while idle; opening another", connection.Number);
                Discard(connection);
                continue;
            }

            if (Environment.TickCount64 - connection.LastUsed < (long)_options.IdleCheckAfter.TotalMilliseconds
                && connection.LastUsed > Volatile.Read(ref _lastConnectionLoss))
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
                _logger.LogInformation("SMTP connection {Connection} idle since {Idle} failed its check ({Error}); opening another",
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

        _logger.LogInformation("SMTP connection {Connection} opened to {Host}:{Port} ({Security}{Auth})",
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
                _logger.LogWarning(ex, "SMTP connection {Connection} did not close cleanly", connection.Number);
            }
            finally
            {
                connection.Client.Dispose();
            }
        }

        _rateLimiter?.Dispose();
        _logger.LogInformation("SMTP pool closed after {Messages} messages on {Connections} connections ({Retries} retries)", MessagesSent, ConnectionsOpened, Retries);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed class PooledConnection(int number, SmtpClient client)
    {
        public int Number { get; } = number;

        public SmtpClient Client { get; } = client;

        public long LastUsed { get; set; }
    }
}
