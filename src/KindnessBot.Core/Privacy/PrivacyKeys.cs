using System.Security.Cryptography;
using System.Text;

namespace KindnessBot.Core.Privacy;

/// <summary>
/// The keys that keep anonymous actions anonymous, all derived (HKDF-SHA256, one label each) from one server-side
/// secret held outside storage (Key Vault or app settings): <see cref="Tags"/> turns a person into a keyed tag that
/// tells "the same person again" without saying who, <see cref="Sealer"/> seals text only the bot can read, and
/// <see cref="Addresses"/> seals where to reach a person so an anonymous reporter can still hear back.
/// Anyone holding the tables, the settings without the secret, or the telemetry can recover none of it (docs/privacy.md).
/// </summary>
public sealed class PrivacyKeys
{
    public const int MinimumSecretBytes = 32;

    public PrivacyKeys(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The privacy secret must be at least {MinimumSecretBytes} random bytes.", nameof(secret));
        }

        Tags = new PersonKey(Derive(secret, "kindnessbot/person-key/v1"));
        Sealer = new Sealer(Derive(secret, "kindnessbot/sealer/v1"));
        Addresses = new SealedAddress(new Sealer(Derive(secret, "kindnessbot/address/v1")));
    }

    public PersonKey Tags { get; }

    public Sealer Sealer { get; }

    public SealedAddress Addresses { get; }

    /// <summary>Keys from a base64 setting (for example a Key Vault reference in app settings).</summary>
    public static PrivacyKeys FromBase64(string secret) => new(Convert.FromBase64String(secret));

    /// <summary>Whether a setting is a usable secret: base64 of at least 32 bytes.</summary>
    public static bool IsSecret(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= MinimumSecretBytes;
    }

    private static byte[] Derive(byte[] secret, string label) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: null, info: Encoding.UTF8.GetBytes(label));
}
