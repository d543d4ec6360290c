using KindnessBot.Bot.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KindnessBot.Bot.Tests.Http;

/// <summary>The one link signer: the old appraisal key name still works, tokens are for one purpose, and they run out.</summary>
public class SignedLinksTests
{
    private static readonly string Key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static SignedLinks Signer(TimeProvider time, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton(time).AddSignedLinks().BuildServiceProvider();
        return services.GetRequiredService<SignedLinks>();
    }

    [Fact]
    public void A_deployment_that_sets_only_the_old_appraisal_key_and_address_signs_with_them()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var old = Signer(time, ("Appraisal:LinkSigningKey", Key), ("Appraisal:PublicBaseUrl", "https://bot.example/"));
        var shared = Signer(time, ("Links:SigningKey", Key));

        var link = old.Link("my-data", "my-data", ["tenant", "29:ana"], TimeSpan.FromMinutes(15));

        Assert.Equal("https://bot.example/my-data", link.GetLeftPart(UriPartial.Path));
        Assert.Equal(["tenant", "29:ana"], shared.Read(Uri.UnescapeDataString(link.Query["?t=".Length..]), "my-data").Fields);
    }

    [Fact]
    public void A_token_is_good_only_for_its_purpose_and_only_until_it_runs_out()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var links = Signer(time, ("Links:SigningKey", Key));
        var token = links.Sign("erase-confirmation", ["tenant", "29:ana"], TimeSpan.FromMinutes(15));

        Assert.False(links.Read(token, "my-data").IsValid);
        Assert.False(links.Read(token, "my-data").Expired);
        Assert.True(links.Read(token, "erase-confirmation").IsValid);
        time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal((false, true), (links.Read(token, "erase-confirmation").IsValid, links.Read(token, "erase-confirmation").Expired));
        Assert.Throws<OptionsValidationException>(() => Signer(time, ("Links:SigningKey", "c2hvcnQ=")));
    }
}
