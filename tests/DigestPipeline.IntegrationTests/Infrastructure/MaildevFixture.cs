using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit;

namespace DigestPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A real maildev SMTP server for the test run (see <see cref="MaildevServer"/>), with its REST API:
/// <see cref="GetEmailsAsync"/> (<c>GET email</c>) and <see cref="DeleteAllAsync"/> (<c>DELETE email/all</c>), under
/// <c>/api/</c> for maildev 3.x and at the root for the pinned 2.2.1.
/// </summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NetworkCredential? _credentials;
    private MaildevServer? _server;
    private HttpClient? _http;

    public MaildevFixture()
    {
    }

    /// <summary>A maildev that accepts mail only from a client authenticated with <paramref name="credentials"/>.</summary>
    internal MaildevFixture(NetworkCredential credentials) => _credentials = credentials;

    public string Host => Server.Host;

    public int SmtpPort => Server.SmtpPort;

    public Uri WebUri => Server.WebUri;

    private MaildevServer Server => _server ?? throw new InvalidOperationException("maildev is not started.");

    private HttpClient Http => _http ?? throw new InvalidOperationException("maildev is not started.");

    public async ValueTask InitializeAsync()
    {
        _server = await MaildevServer.StartAsync(_credentials, cancellationToken: TestContext.Current.CancellationToken);
        _http = new HttpClient { BaseAddress = _server.ApiUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Every email maildev holds, oldest first.</summary>
    public async Task<IReadOnlyList<MaildevEmail>> GetEmailsAsync(CancellationToken cancellationToken = default)
    {
        var emails = await Http.GetFromJsonAsync<List<MaildevEmail>>("email", Json, cancellationToken);
        return emails ?? [];
    }

    /// <summary>
    /// Polls until at least <paramref name="count"/> emails matching <paramref name="predicate"/> arrived (maildev
    /// stores a message a moment after the SMTP exchange ends), or the timeout passes; returns what matched.
    /// </summary>
    public async Task<IReadOnlyList<MaildevEmail>> WaitForEmailsAsync(
        Func<MaildevEmail, bool> predicate, int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + TestWaits.Scaled(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var matching = (await GetEmailsAsync(cancellationToken)).Where(predicate).ToList();
            if (matching.Count >= count || DateTime.UtcNow > deadline)
            {
                return matching;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Http.DeleteAsync("email/all", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>One email as maildev's REST API describes it.</summary>
public sealed record MaildevEmail(
    string Id,
    string? Subject,
    string? MessageId,
    IReadOnlyList<MaildevAddress>? From,
    IReadOnlyList<MaildevAddress>? To,
    IReadOnlyDictionary<string, JsonElement>? Headers,
    string? Text,
    string? Html,
    DateTimeOffset? Time = null)
{
    /// <summary>A header's value by case-insensitive name (maildev lower-cases them), or null.</summary>
    public string? Header(string name)
    {
        if (Headers is null)
        {
            return null;
        }

        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString();
            }
        }

        return null;
    }
}

public sealed record MaildevAddress(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("name")] string? Name);
