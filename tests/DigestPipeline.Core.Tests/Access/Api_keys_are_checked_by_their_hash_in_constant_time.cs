using DigestPipeline.Core.Access;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Access;

/// <summary>An API key's form (public id + secret), its stored hash, and how a presented key is compared with it.</summary>
public sealed class Api_keys_are_checked_by_their_hash_in_constant_time
{
    [Fact]
    public void A_new_key_parses_back_to_its_id_and_a_secret_whose_hash_is_the_one_stored()
    {
        var key = ApiKey.Create();

        key.Key.ShouldStartWith(ApiKey.Prefix + key.Id + "_");
        key.Id.Length.ShouldBe(ApiKey.IdLength);
        ApiKey.TryParse(key.Key, out var id, out var secret).ShouldBeTrue();
        id.ShouldBe(key.Id);
        ApiKey.Hash(secret).ShouldBe(key.Hash);
        ApiKey.Matches(secret, key.Hash).ShouldBeTrue();
    }

    [Fact]
    public void The_stored_hash_holds_neither_the_key_nor_its_secret()
    {
        var key = ApiKey.Create();
        ApiKey.TryParse(key.Key, out _, out var secret).ShouldBeTrue();

        key.Hash.ShouldNotContain(secret);
        key.Hash.Length.ShouldBe(64);
    }

    [Fact]
    public void Two_keys_share_neither_id_nor_secret()
    {
        var a = ApiKey.Create();
        var b = ApiKey.Create();

        a.Id.ShouldNotBe(b.Id);
        a.Hash.ShouldNotBe(b.Hash);
    }

    [Fact]
    public void Another_secret_does_not_match_even_when_it_differs_by_its_last_character()
    {
        var key = ApiKey.Create();
        ApiKey.TryParse(key.Key, out _, out var secret).ShouldBeTrue();
        var other = secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');

        ApiKey.Matches(other, key.Hash).ShouldBeFalse();
        ApiKey.Matches(secret, "not-a-hash").ShouldBeFalse();
        ApiKey.Matches(secret, key.Hash[..^2]).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("dpk_")]
    [InlineData("Bearer dpk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("dpk_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("dpk_0123456789abcdef-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("dpk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("dpk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Anything_without_the_key_form_is_refused_before_any_lookup(string? presented) =>
        ApiKey.TryParse(presented, out _, out _).ShouldBeFalse();
}
