using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DigestPipeline.Core.Access;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Api;

/// <summary>
/// The upload API's refusals, through real HTTP on <c>digest up</c>'s web app: 401 without a valid key, 413 past the
/// size cap (declared, or found while streaming, with no blob left), 415 for a format the reader refuses, 429 past a
/// caller's rate with <c>Retry-After</c>, 404 for an unknown upload.
/// </summary>
public sealed class The_api_refuses_what_it_must(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static ByteArrayContent Text(string text) => DocumentApiHost.Bytes(Encoding.UTF8.GetBytes(text), "text/plain");

    [Fact]
    public async Task Requests_without_a_valid_key_get_401_with_WWW_Authenticate()
    {
        await using var api = await DocumentApiHost.StartAsync(azurite, Cancellation);
        var key = await api.AddKeyAsync("valid", Cancellation);
        ApiKey.TryParse(key, out var keyId, out _).ShouldBeTrue();
        var wrongSecret = $"{ApiKey.Prefix}{keyId}_{new string('A', 43)}";
        var revoked = await api.AddKeyAsync("revoked", Cancellation);
        ApiKey.TryParse(revoked, out var revokedId, out _).ShouldBeTrue();
        (await api.Pages.Get<ApiKeyRegistry>().RevokeAsync(revokedId, Cancellation)).ShouldHaveSingleItem();

        // The class's tests share one Azurite, and the others leave accepted uploads: compare with what was there.
        var before = (await api.ApiBlobsAsync(Cancellation)).Count;
        foreach (var (what, presented) in new[] { ("no key", null), ("garbage", "let-me-in"), ("a wrong secret for a real id", wrongSecret), ("a revoked key", revoked) })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents?name=a.txt") { Content = Text("A short note.") };
            if (presented is not null)
                request.Headers.Add("X-Api-Key", presented);
            using var response = await api.Http.SendAsync(request, Cancellation);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, what);
            response.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "ApiKey", what);
        }

        (await api.ApiBlobsAsync(Cancellation)).Count.ShouldBe(before, "nothing refused was stored");
        // The same request with the valid key, in either header, is accepted: the refusals were the keys'.
        using (var accepted = await api.Http.SendAsync(DocumentApiHost.Post(key, Text("A short note."), "?name=a.txt"), Cancellation))
            accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var byAuthorization = new HttpRequestMessage(HttpMethod.Get, "/api/documents/" + new string('0', 32));
        byAuthorization.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        using (var notFound = await api.Http.SendAsync(byAuthorization, Cancellation))
            notFound.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_past_the_cap_gets_413_whether_declared_or_streamed_and_leaves_no_blob()
    {
        const int cap = 3 * 1024 * 1024;
        await using var api = await DocumentApiHost.StartAsync(azurite, Cancellation, new Dictionary<string, string?> { ["Documents:MaxBytes"] = cap.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var key = await api.AddKeyAsync("big", Cancellation);
        var before = (await api.ApiBlobsAsync(Cancellation)).Count;
        var line = Encoding.UTF8.GetBytes("The grid operator publishes its winter outlook for hospitals and schools.\n");

        // Declared: refused from its Content-Length, before a byte is read.
        using (var declared = await api.Http.SendAsync(DocumentApiHost.Post(key, DocumentApiHost.Bytes(Repeat(line, cap + 1), "text/plain"), "?name=declared.txt"), Cancellation))
            declared.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        // Streamed without a length (chunked): 5 MB, so that the cap falls after blocks were staged.
        var streamed = new StreamContent(new NonSeekableStream(Repeat(line, 5 * 1024 * 1024)));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using (var response = await api.Http.SendAsync(DocumentApiHost.Post(key, streamed, "?name=streamed.txt"), Cancellation))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
            (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("error").GetString().ShouldBe("tooLarge");
        }

        (await api.ApiBlobsAsync(Cancellation)).Count.ShouldBe(before, "no blob, whole or partial, is left of a refused body");

        // Under the cap, streamed the same way, it is stored: the listing above would have seen a blob.
        var fits = new StreamContent(new NonSeekableStream(Repeat(line, cap - 1024)));
        using (var accepted = await api.Http.SendAsync(DocumentApiHost.Post(key, fits, "?name=fits.txt"), Cancellation))
            accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var blobs = await api.ApiBlobsAsync(Cancellation);
        blobs.Count.ShouldBe(before + 1);
        blobs.ShouldContain(b => b.Name.EndsWith("/fits.txt", StringComparison.Ordinal) && b.Properties.ContentLength == cap - 1024);
    }

    [Fact]
    public async Task A_format_the_reader_refuses_gets_415_and_nothing_is_stored()
    {
        await using var api = await DocumentApiHost.StartAsync(azurite, Cancellation);
        var key = await api.AddKeyAsync("types", Cancellation);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

        using var response = await api.Http.SendAsync(DocumentApiHost.Post(key, DocumentApiHost.Bytes(png, "image/png"), "?name=photo.png"), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        problem.GetProperty("problem").GetString().ShouldNotBeNull().ShouldContain("PNG image documents are not supported");
        (await api.ApiBlobsAsync(Cancellation)).ShouldNotContain(b => b.Name.EndsWith("/photo.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requests_past_a_key_rate_get_429_with_Retry_After_and_other_keys_go_on()
    {
        await using var api = await DocumentApiHost.StartAsync(azurite, Cancellation, new Dictionary<string, string?>
        {
            ["Api:RequestsPerMinute"] = "1",
            ["Api:Burst"] = "2",
        });
        var busy = await api.AddKeyAsync("busy", Cancellation);
        var other = await api.AddKeyAsync("other", Cancellation);
        var unknown = "/api/documents/" + new string('f', 32);

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await api.Http.SendAsync(DocumentApiHost.Get(busy, unknown), Cancellation);
            allowed.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the burst is 2");
        }

        using var limited = await api.Http.SendAsync(DocumentApiHost.Get(busy, unknown), Cancellation);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().TotalSeconds.ShouldBeGreaterThanOrEqualTo(1);
        using var otherKey = await api.Http.SendAsync(DocumentApiHost.Get(other, unknown), Cancellation);
        otherKey.StatusCode.ShouldBe(HttpStatusCode.NotFound, "each key has its own bucket");
    }

    [Fact]
    public async Task An_unknown_upload_id_gets_404()
    {
        await using var api = await DocumentApiHost.StartAsync(azurite, Cancellation);
        var key = await api.AddKeyAsync("lookup", Cancellation);

        foreach (var id in new[] { new string('a', 32), "not-an-id", "..%2F..%2Fx" })
        {
            using var response = await api.Http.SendAsync(DocumentApiHost.Get(key, "/api/documents/" + id), Cancellation);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, id);
        }
    }

    private static byte[] Repeat(byte[] line, int length)
    {
        var bytes = new byte[length];
        for (var at = 0; at < length; at += line.Length)
            line.AsSpan(0, Math.Min(line.Length, length - at)).CopyTo(bytes.AsSpan(at));
        return bytes;
    }

    /// <summary>A body HttpClient cannot know the length of, so it is sent chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
