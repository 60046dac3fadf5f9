using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using DigestPipeline.Core.Subscribers;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Subscribers;

/// <summary>
/// Forged and altered tokens, rebuilt byte by byte from the documented layout (see <see cref="SubscriberTokens"/>):
/// version, purpose, expiry (Unix seconds, big-endian), length-prefixed subscriber id and subject, 32-byte MAC.
/// </summary>
public sealed class Tampered_tokens_are_rejected
{
    private readonly SubscriberTokens _tokens = TokenSamples.Tokens();

    private string Theme(string theme = "sante") => _tokens.Issue(TokenPurpose.UnsubscribeTheme, TokenSamples.SubscriberId, theme);

    [Fact]
    public void A_token_signed_with_another_secret()
    {
        var foreign = TokenSamples.Tokens(secret: TokenSamples.OtherSecret).Issue(TokenPurpose.Unsubscribe, TokenSamples.SubscriberId);

        _tokens.Verify(foreign, TokenPurpose.Unsubscribe).Status.ShouldBe(TokenStatus.BadSignature);
    }

    /// <summary>
    /// A last character carrying bits past the token's bytes ('B' where the encoder writes 'A', 'Q', 'g' or 'w') is not
    /// base64url as the decoder takes it: the token is malformed, never an exception.
    /// </summary>
    [Theory]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("abc")]
    public void A_token_whose_last_character_has_bits_past_its_bytes(string theme)
    {
        var token = Theme(theme);

        var verification = _tokens.Verify(token[..^1] + "B", TokenPurpose.UnsubscribeTheme);

        verification.Status.ShouldBeOneOf(token.Length % 4 == 0 ? [TokenStatus.BadSignature] : [TokenStatus.Malformed], token);
    }

    [Fact]
    public void A_forged_signature()
    {
        var bytes = Decode(_tokens.Issue(TokenPurpose.Unsubscribe, TokenSamples.SubscriberId));
        bytes[^1] ^= 0x01;

        Verify(bytes, TokenPurpose.Unsubscribe).Status.ShouldBe(TokenStatus.BadSignature);
    }

    [Fact]
    public void An_all_zero_signature()
    {
        var bytes = Decode(_tokens.Issue(TokenPurpose.Unsubscribe, TokenSamples.SubscriberId));
        bytes.AsSpan(bytes.Length - 32).Clear();

        Verify(bytes, TokenPurpose.Unsubscribe).Status.ShouldBe(TokenStatus.BadSignature);
    }

    [Fact]
    public void Another_subscriber_with_the_original_signature()
    {
        var original = Parse(Decode(Theme()));

        var altered = Build(original with { Subscriber = "ffffffffffffffffffffffff" });

        Verify(altered, TokenPurpose.UnsubscribeTheme).Status.ShouldBe(TokenStatus.BadSignature);
    }

    [Fact]
    public void Another_theme_with_the_original_signature()
    {
        var original = Parse(Decode(Theme("sante")));

        var altered = Build(original with { Subject = "energie" });

        Verify(altered, TokenPurpose.UnsubscribeTheme).Status.ShouldBe(TokenStatus.BadSignature);
    }

    [Fact]
    public void Another_purpose_with_the_original_signature()
    {
        // A one-theme token turned into an unsubscribe-all token must not pass for one.
        var original = Parse(Decode(Theme()));

        var altered = Build(original with { Purpose = (byte)TokenPurpose.Unsubscribe });

        Verify(altered, TokenPurpose.Unsubscribe).Status.ShouldBe(TokenStatus.BadSignature);
    }

    [Fact]
    public void A_later_expiry_with_the_original_signature()
    {
        var original = Parse(Decode(Theme()));

        var altered = Build(original with { Expires = original.Expires + 365 * 86_400 });

        Verify(altered, TokenPurpose.UnsubscribeTheme).Status.ShouldBe(TokenStatus.BadSignature);
    }

    [Fact]
    public void The_untouched_rebuild_still_verifies()
    {
        // The rebuilding helpers are honest: without a change, the token is the original and valid.
        var token = Theme();

        Base64Url.EncodeToString(Build(Parse(Decode(token)))).ShouldBe(token);
        _tokens.Verify(token, TokenPurpose.UnsubscribeTheme).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(43)]
    public void A_truncated_token(int removed)
    {
        var token = Theme();

        _tokens.Verify(token[..^removed], TokenPurpose.UnsubscribeTheme).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void A_token_with_bytes_appended()
    {
        var bytes = Decode(Theme());

        Verify([.. bytes, 0], TokenPurpose.UnsubscribeTheme).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void A_token_of_an_unknown_version()
    {
        var bytes = Decode(Theme());
        bytes[0] = 2;

        Verify(bytes, TokenPurpose.UnsubscribeTheme).Status.ShouldBe(TokenStatus.Malformed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a token")]
    [InlineData("abc")]
    [InlineData("AAAA")]
    [InlineData("a+b/c==")]
    [InlineData("%00%0d%0a")]
    [InlineData("AQMAAAAAAAAAAA")]
    public void Garbage_is_malformed_without_an_exception(string? token) =>
        _tokens.Verify(token, TokenPurpose.Unsubscribe).Status.ShouldBe(TokenStatus.Malformed);

    [Fact]
    public void A_huge_input_is_malformed_without_decoding()
    {
        var huge = new string('A', 1_000_000);

        _tokens.Verify(huge, TokenPurpose.Unsubscribe).Status.ShouldBe(TokenStatus.Malformed);
    }

    [Fact]
    public void A_padded_or_whitespace_wrapped_token_is_malformed()
    {
        var token = Theme();

        _tokens.Verify(token + "=", TokenPurpose.UnsubscribeTheme).Status.ShouldBe(TokenStatus.Malformed);
        _tokens.Verify(" " + token, TokenPurpose.UnsubscribeTheme).Status.ShouldBe(TokenStatus.Malformed);
    }

    private TokenVerification Verify(byte[] bytes, TokenPurpose purpose) => _tokens.Verify(Base64Url.EncodeToString(bytes), purpose);

    private static byte[] Decode(string token) => Base64Url.DecodeFromChars(token);

    private sealed record Layout(byte Version, byte Purpose, long Expires, string Subscriber, string Subject, byte[] Mac);

    private static Layout Parse(byte[] bytes)
    {
        var at = 10;
        var subscriber = Encoding.UTF8.GetString(bytes, at + 1, bytes[at]);
        at += 1 + bytes[at];
        var subject = Encoding.UTF8.GetString(bytes, at + 1, bytes[at]);
        at += 1 + bytes[at];
        bytes.Length.ShouldBe(at + 32);
        return new Layout(bytes[0], bytes[1], BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(2, 8)), subscriber, subject, bytes[at..]);
    }

    private static byte[] Build(Layout layout)
    {
        var subscriber = Encoding.UTF8.GetBytes(layout.Subscriber);
        var subject = Encoding.UTF8.GetBytes(layout.Subject);
        var expires = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(expires, layout.Expires);
        return [layout.Version, layout.Purpose, .. expires, (byte)subscriber.Length, .. subscriber, (byte)subject.Length, .. subject, .. layout.Mac];
    }
}
