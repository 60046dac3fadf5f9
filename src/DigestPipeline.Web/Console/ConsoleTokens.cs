using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DigestPipeline.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Web.Console;

/// <summary>
/// The console's signed values: one-time login links, the session cookie and the form token of every POST.
/// </summary>
/// <remarks>
/// A login or session token is base64url (no padding) of: version (1 byte), purpose (1), expiry (8, Unix seconds,
/// big-endian), a random nonce (16), HMAC-SHA256 of those (32). The key is derived with HKDF from
/// <see cref="SubscriptionOptions.TokenSecret"/> under its own label, so no subscriber token passes for a console one
/// and the <c>digest</c> command, which has the same secret, can print a login link for the running host. A login
/// link is redeemed once: its nonce is remembered by this process until it expires. A form token is the HMAC of the
/// session's nonce (a synchronizer token): a page of another site can neither read it nor compute it.
/// </remarks>
public sealed class ConsoleTokens
{
    private const byte Version = 1;
    private const int NonceLength = 16;
    private const int MacLength = 32;
    private const int PayloadLength = 1 + 1 + 8 + NonceLength;
    private const int TokenLength = PayloadLength + MacLength;
    private static readonly byte[] KeyInfo = "DigestPipeline console v1"u8.ToArray();

    private readonly byte[] _key;
    private readonly ConsoleOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _redeemed = new(StringComparer.Ordinal);

    public ConsoleTokens(IOptions<SubscriptionOptions> subscriptions, IOptions<ConsoleOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var secret = subscriptions.Value.TokenSecret;
        if (string.IsNullOrEmpty(secret))
            throw new InvalidOperationException($"{SubscriptionOptions.Section}:TokenSecret must be set: the console's tokens are signed with it.");
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), MacLength, salt: [], info: KeyInfo);
    }

    private enum Purpose : byte
    {
        Login = 1,
        Session = 2,
    }

    /// <summary>A login link's token: usable once, within <see cref="ConsoleOptions.LoginLinkLifetime"/>.</summary>
    public string IssueLogin() => Issue(Purpose.Login, _options.LoginLinkLifetime);

    /// <summary>
    /// The session a login token opens, or null when the token is forged, expired or was used already. Redeeming is
    /// atomic: of two requests with the same link, one gets the session.
    /// </summary>
    public ConsoleSession? RedeemLogin(string? token)
    {
        if (Read(token, Purpose.Login) is not { } login)
            return null;
        var now = _time.GetUtcNow();
        foreach (var (nonce, expires) in _redeemed)
        {
            if (expires < now)
                _redeemed.TryRemove(nonce, out _);
        }

        if (!_redeemed.TryAdd(login.Id, login.Expires))
            return null;
        var cookie = Issue(Purpose.Session, _options.SessionLifetime);
        return Read(cookie, Purpose.Session)! with { Cookie = cookie };
    }

    /// <summary>The session a cookie carries, or null when it is missing, forged or expired.</summary>
    public ConsoleSession? ReadSession(string? cookie) => Read(cookie, Purpose.Session) is { } session ? session with { Cookie = cookie! } : null;

    /// <summary>The form token of a session (or, behind App Service authentication, of a signed-in operator's id).</summary>
    public string FormToken(string sessionId) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("form\n" + sessionId)));

    /// <summary>Whether <paramref name="presented"/> is the form token of <paramref name="sessionId"/>, compared in constant time.</summary>
    public bool IsFormToken(string sessionId, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(FormToken(sessionId)), Encoding.UTF8.GetBytes(presented));

    private string Issue(Purpose purpose, TimeSpan lifetime)
    {
        var bytes = new byte[TokenLength];
        bytes[0] = Version;
        bytes[1] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(2, 8), (_time.GetUtcNow() + lifetime).ToUnixTimeSeconds());
        RandomNumberGenerator.Fill(bytes.AsSpan(10, NonceLength));
        HMACSHA256.HashData(_key, bytes.AsSpan(0, PayloadLength), bytes.AsSpan(PayloadLength));
        return Base64Url.EncodeToString(bytes);
    }

    private ConsoleSession? Read(string? token, Purpose purpose)
    {
        // IsValid first: the decoder throws, rather than answering false, on text that is not base64url (a last
        // character with bits past the bytes, a '+'), and a link anyone can alter must get a refusal, not an error.
        if (string.IsNullOrEmpty(token) || token.Length > 2 * TokenLength || !Base64Url.IsValid(token.AsSpan(), out var length) || length != TokenLength)
            return null;
        var bytes = new byte[TokenLength];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != TokenLength)
            return null;
        var mac = HMACSHA256.HashData(_key, bytes.AsSpan(0, PayloadLength));
        if (!CryptographicOperations.FixedTimeEquals(mac, bytes.AsSpan(PayloadLength)) || bytes[0] != Version || bytes[1] != (byte)purpose)
            return null;
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(2, 8)));
        return expires <= _time.GetUtcNow() ? null : new ConsoleSession(Convert.ToHexStringLower(bytes.AsSpan(10, NonceLength)), expires, "");
    }
}

/// <param name="Id">The session's nonce (hex): what its form token signs.</param>
/// <param name="Cookie">The session cookie's value.</param>
public sealed record ConsoleSession(string Id, DateTimeOffset Expires, string Cookie);
