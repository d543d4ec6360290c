using System.Security.Cryptography;
using KindnessBot.Core.Privacy;

namespace KindnessBot.Core.Tests.Privacy;

public class PrivacyKeysTests
{
    private static PrivacyKeys NewKeys() => PrivacyKeys.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    [Fact]
    public void A_person_gets_the_same_tag_in_one_scope_and_unrelated_tags_in_other_scopes_purposes_tenants_and_deployments()
    {
        var keys = NewKeys();
        var tag = keys.Tags.For("tenant", "blocker-affects", "b1", "29:ana");

        Assert.Equal(tag, keys.Tags.For("tenant", "blocker-affects", "b1", "29:ana"));
        Assert.Equal(43, tag.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", tag);
        Assert.Equal(6, new[]
        {
            tag,
            keys.Tags.For("tenant", "blocker-affects", "b2", "29:ana"),
            keys.Tags.For("tenant", "pulse", "b1", "29:ana"),
            keys.Tags.For("other", "blocker-affects", "b1", "29:ana"),
            keys.Tags.For("tenant", "blocker-affects", "b1", "29:sam"),
            NewKeys().Tags.For("tenant", "blocker-affects", "b1", "29:ana"),
        }.Distinct().Count());
    }

    [Fact]
    public void Parts_cannot_be_shifted_from_one_field_into_the_next_to_forge_a_tag()
    {
        var keys = NewKeys();

        Assert.NotEqual(keys.Tags.For("t", "p", "ab", "c"), keys.Tags.For("t", "p", "a", "bc"));
    }

    [Fact]
    public void Sealed_text_opens_only_in_its_own_tenant_and_purpose_and_looks_different_each_time()
    {
        var keys = NewKeys();
        var once = keys.Sealer.Seal("tenant", "blocker-list", "b-123");
        var twice = keys.Sealer.Seal("tenant", "blocker-list", "b-123");

        Assert.NotEqual(once, twice);
        Assert.DoesNotContain("b-123", once, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_-]+$", once);
        Assert.Equal("b-123", keys.Sealer.Open("tenant", "blocker-list", once));
        Assert.Null(keys.Sealer.Open("other", "blocker-list", once));
        Assert.Null(keys.Sealer.Open("tenant", "pulse", once));
        Assert.Null(NewKeys().Sealer.Open("tenant", "blocker-list", once));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    public void Something_that_was_never_sealed_does_not_open(string text) =>
        Assert.Null(NewKeys().Sealer.Open("tenant", "blocker-list", text));

    [Fact]
    public void A_tampered_seal_does_not_open()
    {
        var keys = NewKeys();
        var sealedText = keys.Sealer.Seal("tenant", "p", "hello");
        var flipped = sealedText[..^2] + (sealedText[^2] == 'A' ? 'B' : 'A') + sealedText[^1];

        Assert.Null(keys.Sealer.Open("tenant", "p", flipped));
    }

    [Fact]
    public void A_sealed_address_opens_to_the_person_only_with_the_same_keys_and_tenant()
    {
        var keys = NewKeys();
        var address = keys.Addresses.Seal("tenant", "29:ana");

        Assert.DoesNotContain("ana", address, StringComparison.Ordinal);
        Assert.Equal("29:ana", keys.Addresses.Open("tenant", address));
        Assert.Null(keys.Addresses.Open("other", address));
        Assert.Null(keys.Sealer.Open("tenant", "delivery-address", address)); // the address key is its own
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("c2hvcnQ=", false)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", true)]
    public void Only_base64_of_at_least_32_bytes_is_a_secret(string? value, bool expected) => Assert.Equal(expected, PrivacyKeys.IsSecret(value));

    [Fact]
    public void A_short_secret_is_refused() => Assert.Throws<ArgumentException>(() => new PrivacyKeys(new byte[16]));
}
