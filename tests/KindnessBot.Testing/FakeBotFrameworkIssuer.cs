using System.Collections.Concurrent;
using System.IdentityModel.Tokens.Jwt;
using System.Reflection;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KindnessBot.Testing;

/// <summary>
/// Plays the Bot Framework token service, which cannot be reached from here: it signs channel tokens as Teams'
/// tokens are signed, and publishes its key (endorsed for "msteams") under a metadata address the bot is configured
/// with. The SDK fetches that metadata through a private static HttpClient that cannot be pointed at a test server,
/// so the metadata is placed in the SDK's own metadata cache (keyed by address) instead; the SDK's token validation
/// itself runs unchanged.
/// </summary>
public sealed class FakeBotFrameworkIssuer
{
    public const string Issuer = "https://api.botframework.com";
    private const string KeyId = "kindnessbot-test-key";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = KeyId };

    public FakeBotFrameworkIssuer()
    {
        MetadataUrl = $"https://login.botframework.test/{Guid.NewGuid():N}/.well-known/openidconfiguration";
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        configuration.SigningKeys.Add(_key);
        Register("_openIdMetadataCache", new ConfigurationManager<OpenIdConnectConfiguration>(MetadataUrl, new Fixed<OpenIdConnectConfiguration>(configuration)));
        IDictionary<string, HashSet<string>> endorsements = new Dictionary<string, HashSet<string>> { [KeyId] = ["msteams"] };
        Register("_endorsementsCache", new ConfigurationManager<IDictionary<string, HashSet<string>>>(MetadataUrl, new Fixed<IDictionary<string, HashSet<string>>>(endorsements)));
    }

    /// <summary>Give the bot this as ToBotFromChannelOpenIdMetadataUrl.</summary>
    public string MetadataUrl { get; }

    /// <summary>A channel token as Teams sends it: audience the bot's app id, the serviceUrl as a claim.</summary>
    public string Token(string audience, string serviceUrl, DateTime? expires = null, SecurityKey? signWith = null, string issuer = Issuer)
    {
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(30);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expiry < now ? expiry.AddHours(-1) : now.AddMinutes(-1),
            IssuedAt = expiry < now ? expiry.AddHours(-1) : now.AddMinutes(-1),
            Expires = expiry,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(signWith ?? _key, SecurityAlgorithms.RsaSha256),
        };
        return new JwtSecurityTokenHandler().CreateEncodedJwt(descriptor);
    }

    /// <summary>A key of the same kind and id, that the bot has never been told about: for forged tokens.</summary>
    public static SecurityKey ForgerKey() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId };

    private void Register<T>(string cacheField, ConfigurationManager<T> manager)
        where T : class
    {
        var field = typeof(JwtTokenExtractor).GetField(cacheField, BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"The Bot Framework SDK has no {cacheField} any more: update {nameof(FakeBotFrameworkIssuer)}.");
        var cache = (ConcurrentDictionary<string, ConfigurationManager<T>>)field.GetValue(null)!;
        cache[MetadataUrl] = manager;
    }

    /// <summary>Hands the configuration manager a fixed configuration, as if fetched.</summary>
    private sealed class Fixed<T>(T configuration) : IConfigurationRetriever<T>
    {
        public Task<T> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel) => Task.FromResult(configuration);
    }
}
