using System.Security.Cryptography;
using System.Text;

namespace KindnessBot.Core.Privacy;

/// <summary>
/// Seals short text so only the bot can read it: AES-256-GCM with a fresh random nonce each time (the same text sealed
/// twice looks unrelated), bound to its tenant and purpose (a sealed value copied to another tenant or use does not
/// open). The result is URL-safe base64, safe as a table key part.
/// </summary>
public sealed class Sealer
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[] _key;

    internal Sealer(byte[] key) => _key = key;

    public string Seal(string tenantId, string purpose, string plaintext)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(plaintext);

        var text = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + TagBytes + text.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, text, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Context(tenantId, purpose));
        return Base64Url.Encode(sealedBytes);
    }

    /// <summary>The sealed text, or null when it is not one of ours (tampered, another tenant or purpose, another key).</summary>
    public string? Open(string tenantId, string purpose, string sealedText)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        if (Base64Url.TryDecode(sealedText) is not { Length: >= NonceBytes + TagBytes } bytes)
        {
            return null;
        }

        var text = new byte[bytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(_key, TagBytes);
            aes.Decrypt(bytes.AsSpan(0, NonceBytes), bytes.AsSpan(NonceBytes + TagBytes), bytes.AsSpan(NonceBytes, TagBytes), text, Context(tenantId, purpose));
            return Encoding.UTF8.GetString(text);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] Context(string tenantId, string purpose) => Encoding.UTF8.GetBytes($"{tenantId.Length}:{tenantId}\n{purpose.Length}:{purpose}");
}
