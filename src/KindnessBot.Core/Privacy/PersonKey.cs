using System.Security.Cryptography;
using System.Text;

namespace KindnessBot.Core.Privacy;

/// <summary>
/// A keyed tag for (tenant, purpose, scope, person): HMAC-SHA256 with a key derived from the server-side secret. The
/// same person in the same scope always gets the same tag (so "affects me too" counts once, and a person can find their
/// own anonymous reports); a different purpose or scope gives an unrelated tag (so tags cannot be joined across
/// features or items); and without the secret nobody can work back to the person, nor test a guess.
/// </summary>
public sealed class PersonKey
{
    private readonly byte[] _key;

    internal PersonKey(byte[] key) => _key = key;

    /// <summary>43 URL-safe characters; safe as a PartitionKey or RowKey part.</summary>
    public string For(string tenantId, string purpose, string scope, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(userId);

        // Length-prefixed parts, so ("ab","c") and ("a","bc") never give the same input.
        var input = string.Join('\n', new[] { tenantId, purpose, scope, userId }.Select(p => $"{p.Length}:{p}"));
        return Base64Url.Encode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(input)));
    }
}
