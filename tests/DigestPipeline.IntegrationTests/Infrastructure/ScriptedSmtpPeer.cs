using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>The points of an SMTP session where <see cref="ScriptedSmtpPeer"/> can be told to fail.</summary>
public enum SmtpStage
{
    Greeting,
    MailFrom,
    RcptTo,
    Data,

    /// <summary>After the message content, where the server accepts or refuses the message.</summary>
    EndOfData,
}

/// <summary>One message the peer accepted (it answered 250 after the content).</summary>
public sealed record PeerMessage(string MessageId, IReadOnlyList<string> Recipients, int Connection, DateTime ReceivedAtUtc);

/// <summary>
/// A fake of a remote mail provider: a <see cref="TcpListener"/> on 127.0.0.1 speaking just enough SMTP
/// (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) to accept messages, and failing on demand: a given reply
/// (421, 451, 550...) at a given stage a given number of times, a dropped connection, or a permanent 550 for
/// given recipients. It exists because a real server (maildev, the happy path's) cannot be made to fail at will;
/// everything that does not need a failure is tested against maildev.
/// </summary>
public sealed class ScriptedSmtpPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<SmtpStage, Queue<string?>> _faults = [];
    private readonly HashSet<string> _rejected = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PeerMessage> _messages = [];
    private readonly List<Task> _sessions = [];
    private readonly Task _acceptLoop;
    private int _connections;
    private int _transactions;

    private ScriptedSmtpPeer()
    {
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public static ScriptedSmtpPeer Start() => new();

    public string Host { get; } = "127.0.0.1";

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _connections);

    /// <summary>MAIL FROM commands received: one per attempt to send a message.</summary>
    public int TransactionsStarted => Volatile.Read(ref _transactions);

    public IReadOnlyList<PeerMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToList();
            }
        }
    }

    /// <summary>Answers <paramref name="reply"/> (e.g. <c>451 4.3.0 try later</c>) at <paramref name="stage"/> the next <paramref name="times"/> times; a 421 also closes the connection.</summary>
    public void FailNext(SmtpStage stage, string reply, int times = 1) => Script(stage, reply, times);

    /// <summary>Closes the connection without a reply at <paramref name="stage"/> the next <paramref name="times"/> times.</summary>
    public void DropNext(SmtpStage stage, int times = 1) => Script(stage, null, times);

    /// <summary>Every RCPT TO for <paramref name="address"/> gets <c>550 5.1.1</c> until <see cref="AcceptRecipient"/>.</summary>
    public void RejectRecipient(string address)
    {
        lock (_gate)
        {
            _rejected.Add(address);
        }
    }

    public void AcceptRecipient(string address)
    {
        lock (_gate)
        {
            _rejected.Remove(address);
        }
    }

    private void Script(SmtpStage stage, string? reply, int times)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(stage, out var queue))
            {
                _faults[stage] = queue = new Queue<string?>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(reply);
            }
        }
    }

    /// <summary>The scripted fault for this stage, if any: (true, reply) where a null reply means "drop".</summary>
    private (bool Fault, string? Reply) NextFault(SmtpStage stage)
    {
        lock (_gate)
        {
            return _faults.TryGetValue(stage, out var queue) && queue.TryDequeue(out var reply) ? (true, reply) : (false, null);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var number = Interlocked.Increment(ref _connections);
            lock (_gate)
            {
                _sessions.Add(ServeAsync(client, number));
            }
        }
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        using var _ = client;
        try
        {
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            var token = _stopping.Token;

            if (await StageAsync(SmtpStage.Greeting, writer) != Outcome.Proceed)
            {
                return;
            }

            await writer.WriteLineAsync("220 scripted-peer ESMTP".AsMemory(), token);
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-scripted-peer\r\n250 8BITMIME".AsMemory(), token);
                        break;
                    case "HELO" or "NOOP":
                        await writer.WriteLineAsync("250 OK".AsMemory(), token);
                        break;
                    case "RSET":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK".AsMemory(), token);
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye".AsMemory(), token);
                        return;
                    case "MAIL":
                        Interlocked.Increment(ref _transactions);
                        recipients.Clear();
                        var mailFrom = await StageAsync(SmtpStage.MailFrom, writer);
                        if (mailFrom == Outcome.Closed)
                        {
                            return;
                        }

                        if (mailFrom == Outcome.Proceed)
                        {
                            await writer.WriteLineAsync("250 OK".AsMemory(), token);
                        }

                        break;
                    case "RCPT":
                        var address = AddressIn(line);
                        bool rejected;
                        lock (_gate)
                        {
                            rejected = _rejected.Contains(address);
                        }

                        if (rejected)
                        {
                            await writer.WriteLineAsync($"550 5.1.1 <{address}>: mailbox unavailable".AsMemory(), token);
                            break;
                        }

                        var rcptTo = await StageAsync(SmtpStage.RcptTo, writer);
                        if (rcptTo == Outcome.Closed)
                        {
                            return;
                        }

                        if (rcptTo == Outcome.Proceed)
                        {
                            recipients.Add(address);
                            await writer.WriteLineAsync("250 OK".AsMemory(), token);
                        }

                        break;
                    case "DATA":
                        var data = await StageAsync(SmtpStage.Data, writer);
                        if (data == Outcome.Closed)
                        {
                            return;
                        }

                        if (data == Outcome.Refused)
                        {
                            break;
                        }

                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>".AsMemory(), token);
                        var messageId = await ReadContentAsync(reader, token);
                        var endOfData = await StageAsync(SmtpStage.EndOfData, writer);
                        if (endOfData == Outcome.Closed)
                        {
                            return;
                        }

                        if (endOfData == Outcome.Proceed)
                        {
                            lock (_gate)
                            {
                                _messages.Add(new PeerMessage(messageId, recipients.ToList(), connection, DateTime.UtcNow));
                            }

                            await writer.WriteLineAsync("250 2.0.0 queued".AsMemory(), token);
                        }

                        recipients.Clear();
                        break;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 command not implemented".AsMemory(), token);
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the peer is stopping: the session ends either way.
        }
    }

    /// <summary>Plays the scripted fault of <paramref name="stage"/>, if any.</summary>
    private async Task<Outcome> StageAsync(SmtpStage stage, StreamWriter writer)
    {
        var (fault, reply) = NextFault(stage);
        if (!fault)
        {
            return Outcome.Proceed;
        }

        if (reply is null)
        {
            return Outcome.Closed;
        }

        await writer.WriteLineAsync(reply.AsMemory(), _stopping.Token);
        // 421 closes the transmission channel (RFC 5321 §3.8); a greeting that is not 220 ends the session too.
        return reply.StartsWith("421", StringComparison.Ordinal) || stage == SmtpStage.Greeting ? Outcome.Closed : Outcome.Refused;
    }

    private static async Task<string> ReadContentAsync(StreamReader reader, CancellationToken token)
    {
        var messageId = "";
        var inHeaders = true;
        while (await reader.ReadLineAsync(token) is { } line)
        {
            if (line == ".")
            {
                return messageId;
            }

            if (line.Length == 0)
            {
                inHeaders = false;
            }
            else if (inHeaders && line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
            {
                messageId = line["Message-ID:".Length..].Trim().Trim('<', '>');
            }
        }

        throw new IOException("The client closed the connection in the middle of DATA.");
    }

    private static string AddressIn(string command)
    {
        var start = command.IndexOf('<', StringComparison.Ordinal);
        var end = command.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? command[(start + 1)..end] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] sessions;
        lock (_gate)
        {
            sessions = _sessions.ToArray();
        }

        await Task.WhenAll(sessions);
        _stopping.Dispose();
    }

    /// <summary>Go on with the command; the command was refused (the session goes on); the connection is closed.</summary>
    private enum Outcome
    {
        Proceed,
        Refused,
        Closed,
    }
}
