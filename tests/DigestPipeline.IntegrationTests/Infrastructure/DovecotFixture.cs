using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A real IMAP server for a test class (<c>IClassFixture&lt;DovecotFixture&gt;</c>): Debian's dovecot (installed with
/// apt-get when missing, <see cref="DebianPackage"/>), started as a child process with a configuration of its own in a
/// temporary folder: IMAP only, on 127.0.0.1 and a free port, no TLS (loopback), one user from a passwd-file with a
/// random password, maildir under the folder. Its runtime, state and log folders are there too, so it touches nothing
/// of the machine's. Run as root, it drops to Debian's <c>dovecot</c> and <c>dovenull</c> users for its own
/// processes and to <c>nobody</c> for the mailbox (dovecot refuses root for both). <see cref="StopAsync"/> and
/// <see cref="StartAsync"/> take it down and back on the same port and mail, for the outage test.
/// </summary>
public sealed class DovecotFixture : IAsyncLifetime
{
    public const string Program = "/usr/sbin/dovecot";
    public const string User = "newsletters";

    private readonly string _root = Directory.CreateTempSubdirectory("digest-dovecot-").FullName;
    private Process? _process;

    public int Port { get; } = FreePort();

    public string Password { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string LogPath => Path.Combine(_root, "dovecot.log");

    /// <summary>The settings that point the pipeline at this server (plus the test's own).</summary>
    public Dictionary<string, string?> Settings(params string[] allowedSenders)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Newsletters:Host"] = "127.0.0.1",
            ["Newsletters:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Newsletters:Security"] = "None",
            ["Newsletters:User"] = User,
            ["Newsletters:Password"] = Password,
            ["Newsletters:Timeout"] = "00:00:10",
        };
        for (var i = 0; i < allowedSenders.Length; i++)
            settings[$"Newsletters:AllowedSenders:{i}"] = allowedSenders[i];
        return settings;
    }

    public async ValueTask InitializeAsync()
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("The newsletter tests start Debian's dovecot: they run on Linux.");
        await DebianPackage.EnsureInstalledAsync("dovecot-imapd", Program, "The newsletter tests", TestContext.Current.CancellationToken);
        // dovecot's own processes (dovecot, dovenull) must reach their runtime folder; the mailbox user (nobody) its mail.
        File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var mail = Directory.CreateDirectory(Path.Combine(_root, "mail")).FullName;
        File.SetUnixFileMode(mail, (UnixFileMode)0b111_111_111);
        Directory.CreateDirectory(Path.Combine(_root, "run"));
        Directory.CreateDirectory(Path.Combine(_root, "state"));
        await File.WriteAllTextAsync(Path.Combine(_root, "users"), $"{User}:{{PLAIN}}{Password}::::::\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_root, "dovecot.conf"), Configuration(), TestContext.Current.CancellationToken);
        await StartAsync();
    }

    /// <summary>Starts the server (again, unless it runs) and waits for its greeting.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
            return;
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-F", "-c", Path.Combine(_root, "dovecot.conf") })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dovecot.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TestWaits.Scaled(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"dovecot exited with code {_process.ExitCode} at start:\n{Log()}");
            if (await GreetsAsync())
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"dovecot did not greet on 127.0.0.1:{Port} within a minute:\n{Log()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Stops the server and its processes (a hard stop: the outage a network or a crash gives). A dovecot left running
    /// would keep the files the test process inherited open (the machine's test lock among them), so the master named
    /// in this server's own <c>master.pid</c> is stopped too, whichever process started it.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
            _process.Dispose();
            _process = null;
        }

        var pidFile = Path.Combine(_root, "run", "master.pid");
        if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile, CancellationToken.None)).Trim(), out var pid))
        {
            try
            {
                using var master = Process.GetProcessById(pid);
                if (master.ProcessName.Contains("dovecot", StringComparison.Ordinal))
                {
                    master.Kill(entireProcessTree: true);
                    await master.WaitForExitAsync(CancellationToken.None);
                }
            }
            catch (ArgumentException)
            {
                // Not running.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A process of dovecot's still closing a file: the temp folder is the system's to clean.
        }
    }

    /// <summary>Puts a message into a folder of the mailbox, as delivery would (IMAP APPEND).</summary>
    public async Task AppendAsync(MimeMessage message, string folder = "INBOX")
    {
        using var client = await ConnectAsync();
        var target = folder == "INBOX" ? client.Inbox : await client.GetFolderAsync(folder, TestContext.Current.CancellationToken);
        await target.AppendAsync(message, MessageFlags.None, TestContext.Current.CancellationToken);
        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
    }

    /// <summary>The subjects of the messages in a folder ('.'-separated, as dovecot's maildir names them); empty when it does not exist.</summary>
    public async Task<List<string>> SubjectsAsync(string folder)
    {
        using var client = await ConnectAsync();
        IMailFolder target;
        try
        {
            target = folder == "INBOX" ? client.Inbox : await client.GetFolderAsync(folder, TestContext.Current.CancellationToken);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }

        await target.OpenAsync(FolderAccess.ReadOnly, TestContext.Current.CancellationToken);
        var subjects = new List<string>();
        if (target.Count > 0)
        {
            foreach (var summary in await target.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.Envelope), TestContext.Current.CancellationToken))
                subjects.Add(summary.Envelope?.Subject ?? "");
        }

        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
        return subjects;
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None, TestContext.Current.CancellationToken);
        await client.AuthenticateAsync(User, Password, TestContext.Current.CancellationToken);
        return client;
    }

    private async Task<bool> GreetsAsync()
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, Port, TestContext.Current.CancellationToken);
            var buffer = new byte[256];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var read = await tcp.GetStream().ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("* OK", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private string Log() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log)";

    /// <summary>
    /// dovecot 2.3's settings for a private server: its runtime (<c>base_dir</c>), state and log under the temp folder;
    /// plain-text login allowed because nothing leaves loopback; the imaps listener off.
    /// </summary>
    private string Configuration() => $$"""
        protocols = imap
        listen = 127.0.0.1
        base_dir = {{_root}}/run
        state_dir = {{_root}}/state
        log_path = {{LogPath}}
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        default_internal_user = dovecot
        default_internal_group = dovecot
        default_login_user = dovenull
        mail_location = maildir:{{_root}}/mail/%u
        passdb {
          driver = passwd-file
          args = scheme=PLAIN username_format=%u {{_root}}/users
        }
        userdb {
          driver = static
          args = uid=nobody gid=nogroup home={{_root}}/mail/%u
        }
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = {{Port}}
          }
          inet_listener imaps {
            port = 0
          }
        }
        """;

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
