using System.Diagnostics;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DigestPipeline.Benchmarks.Digests;

/// <summary>
/// The sink's own ceiling: the same messages, built beforehand, sent by a plain loop per MailKit connection (a
/// NoDelay socket each, as the pool opens them), no pool, no retries, no per-send MIME building.
/// </summary>
internal static class MailKitCeiling
{
    public static async Task<SendResult> RunAsync(string sink, int port, int connections, IReadOnlyList<MimeMessage> messages, int count, int warmUp)
    {
        var clients = new List<SmtpClient>();
        try
        {
            for (var c = 0; c < connections; c++)
                clients.Add(await ConnectAsync(port));
            await SendAsync(clients, messages, warmUp);
            var clock = Stopwatch.StartNew();
            await SendAsync(clients, messages, count);
            clock.Stop();
            return new SendResult(sink, "plain MailKit loop", connections, count, clock.Elapsed);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisconnectAsync(quit: true);
                client.Dispose();
            }
        }
    }

    private static async Task SendAsync(List<SmtpClient> clients, IReadOnlyList<MimeMessage> messages, int count)
    {
        var next = -1;
        await Task.WhenAll(clients.Select(async client =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                await client.SendAsync(messages[i % messages.Count]);
        }));
    }

    private static async Task<SmtpClient> ConnectAsync(int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", port);
        var client = new SmtpClient();
        await client.ConnectAsync(socket, "127.0.0.1", port, SecureSocketOptions.None);
        return client;
    }
}
