using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace DigestPipeline.Core.Subscribers;

/// <summary>
/// Issues and checks the signed tokens of subscriber links (confirm, preferences, unsubscribe, view).
/// </summary>
/// <remarks>
/// A token is base64url (no padding) of:
/// <code>
/// version      1 byte   = 1
/// purpose      1 byte   TokenPurpose
/// expires      8 bytes  Unix seconds, big-endian
/// subscriber   1 byte length + UTF-8 subscriber id (1..255 bytes)
/// subject      1 byte length + UTF-8 theme, delivery or document id (0..255 bytes)
/// mac          32 bytes HMAC-SHA256 of all the bytes above
/// </code>
/// The HMAC key is derived from <see cref="SubscriptionOptions.TokenSecret"/> with HKDF-SHA256, so that the same
/// secret could later sign something else without one signature passing for the other. Nothing in a token is
/// secret (anyone can read the subscriber id and expiry); it is only unforgeable.
/// </remarks>
public sealed class SubscriberTokens
{
    public const byte Version = 1;

    /// <summary>Longer input is refused before decoding: the largest token is about 740 characters.</summary>
    public const int MaxTokenLength = 1024;

    private const int MacLength = 32;
    private const int FixedHeaderLength = 1 + 1 + 8;
    private const int MinLength = FixedHeaderLength + 1 + 1 + 1 + MacLength;
    private static readonly byte[] KeyInfo = "DigestPipeline subscriber tokens v1"u8.ToArray();

    private readonly byte[] _key;
    private readonly SubscriptionOptions _options;
    private readonly TimeProvider _time;

    public SubscriberTokens(IOptions<SubscriptionOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var secret = _options.TokenSecret;
        if (string.IsNullOrEmpty(secret) || Encoding.UTF8.GetByteCount(secret) < SubscriptionOptions.MinSecretBytes)
        {
            throw new InvalidOperationException(
                $"{SubscriptionOptions.Section}:TokenSecret must be set, at least {SubscriptionOptions.MinSecretBytes} bytes.");
        }

        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), MacLength, salt: [], info: KeyInfo);
    }

    /// <summary>A token valid from now for its purpose's lifetime (<see cref="SubscriptionOptions.LifetimeOf"/>).</summary>
    public string Issue(TokenPurpose purpose, string subscriberId, string subject = "") =>
        Issue(purpose, subscriberId, subject, _time.GetUtcNow());

    /// <summary>
    /// A token that expires its purpose's lifetime after <paramref name="issuedAt"/>. Digests pass their period,
    /// so that composing the same digest again (a retry) gives the same links.
    /// </summary>
    /// <param name="subject">The theme, delivery or document id the purpose needs; empty for the others.</param>
    public string Issue(TokenPurpose purpose, string subscriberId, string subject, DateTimeOffset issuedAt)
    {
        if (!Enum.IsDefined(purpose))
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown token purpose.");
        ArgumentException.ThrowIfNullOrEmpty(subscriberId);
        ArgumentNullException.ThrowIfNull(subject);
        var needsSubject = purpose is TokenPurpose.UnsubscribeTheme or TokenPurpose.ViewDigest or TokenPurpose.ViewDocument;
        if (needsSubject != (subject.Length > 0))
        {
            throw new ArgumentException(
                needsSubject ? $"A {purpose} token needs a subject." : $"A {purpose} token has no subject.", nameof(subject));
        }

        var subscriberBytes = Encoding.UTF8.GetBytes(subscriberId);
        var subjectBytes = Encoding.UTF8.GetBytes(subject);
        if (subscriberBytes.Length > byte.MaxValue || subjectBytes.Length > byte.MaxValue)
            throw new ArgumentException("Subscriber ids and token subjects are at most 255 UTF-8 bytes.");

        var expires = (issuedAt + _options.LifetimeOf(purpose)).ToUnixTimeSeconds();
        var payloadLength = FixedHeaderLength + 1 + subscriberBytes.Length + 1 + subjectBytes.Length;
        var token = new byte[payloadLength + MacLength];
        token[0] = Version;
        token[1] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(2, 8), expires);
        var at = FixedHeaderLength;
        token[at++] = (byte)subscriberBytes.Length;
        subscriberBytes.CopyTo(token, at);
        at += subscriberBytes.Length;
        token[at++] = (byte)subjectBytes.Length;
        subjectBytes.CopyTo(token, at);

        HMACSHA256.HashData(_key, token.AsSpan(0, payloadLength), token.AsSpan(payloadLength));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Checks a token from a request against one expected purpose. Never throws on bad input.</summary>
    public TokenVerification Verify(string? token, TokenPurpose expected) => Verify(token, [expected]);

    /// <summary>
    /// Checks a token from a request. In order: its shape (<see cref="TokenStatus.Malformed"/>), its signature,
    /// compared in constant time (<see cref="TokenStatus.BadSignature"/>), its purpose among
    /// <paramref name="accepted"/> (<see cref="TokenStatus.WrongPurpose"/>), its expiry against the
    /// <see cref="TimeProvider"/> (<see cref="TokenStatus.Expired"/>). Never throws on bad input.
    /// </summary>
    public TokenVerification Verify(string? token, params ReadOnlySpan<TokenPurpose> accepted)
    {
        if (!TryDecode(token, out var bytes) || !TryParse(bytes, out var claims, out var payloadLength))
            return TokenVerification.Failed(TokenStatus.Malformed);

        Span<byte> expectedMac = stackalloc byte[MacLength];
        HMACSHA256.HashData(_key, bytes.AsSpan(0, payloadLength), expectedMac);
        if (!CryptographicOperations.FixedTimeEquals(expectedMac, bytes.AsSpan(payloadLength)))
            return TokenVerification.Failed(TokenStatus.BadSignature);

        if (!accepted.Contains(claims.Purpose))
            return TokenVerification.Failed(TokenStatus.WrongPurpose);

        if (_time.GetUtcNow() >= claims.ExpiresAt)
            return TokenVerification.Failed(TokenStatus.Expired);

        return new TokenVerification(TokenStatus.Valid, claims);
    }

    private static bool TryDecode(string? token, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
            return false;
        foreach (var c in token)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
                return false;
        }

        if (!Base64Url.IsValid(token.AsSpan(), out var length) || length < MinLength)
            return false;
        bytes = new byte[length];
        return Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == length;
    }

    /// <summary>Reads the claims without trusting them: the caller checks the signature before using any.</summary>
    private static bool TryParse(byte[] bytes, out SubscriberToken claims, out int payloadLength)
    {
        claims = null!;
        payloadLength = bytes.Length - MacLength;
        if (bytes[0] != Version || !Enum.IsDefined((TokenPurpose)bytes[1]))
            return false;

        var expires = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(2, 8));
        var at = FixedHeaderLength;
        var subscriberLength = bytes[at++];
        if (subscriberLength == 0 || at + subscriberLength + 1 > payloadLength)
            return false;
        var subscriber = bytes.AsSpan(at, subscriberLength);
        at += subscriberLength;
        var subjectLength = bytes[at++];
        if (at + subjectLength != payloadLength)
            return false;
        var subject = bytes.AsSpan(at, subjectLength);

        if (expires < DateTimeOffset.MinValue.ToUnixTimeSeconds() || expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || !Utf8.IsValid(subscriber) || !Utf8.IsValid(subject))
        {
            return false;
        }

        claims = new SubscriberToken(
            Encoding.UTF8.GetString(subscriber),
            (TokenPurpose)bytes[1],
            Encoding.UTF8.GetString(subject),
            DateTimeOffset.FromUnixTimeSeconds(expires));
        return true;
    }
}
