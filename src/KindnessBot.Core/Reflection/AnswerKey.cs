using System.Security.Cryptography;
using System.Text;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// Turns (tenant, prompt, person) into the key of that person's answer to that prompt: HMAC-SHA256 with a
/// server-side secret. The same person gets the same key for the same prompt, so they can change their answer;
/// the key is different for every prompt, so answers cannot be linked across weeks; and without the secret
/// nobody holding the table can work back to the person, nor test a guess (see docs/privacy.md).
/// The secret lives in Key Vault or app settings, never in storage or the repo.
/// </summary>
public sealed class AnswerKey
{
    public const int MinimumSecretBytes = 32;

    private readonly byte[] _secret;

    public AnswerKey(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The answer secret must be at least {MinimumSecretBytes} random bytes.", nameof(secret));
        }

        _secret = [.. secret];
    }

    /// <summary>A key from a base64 setting (for example a Key Vault reference in app settings).</summary>
    public static AnswerKey FromBase64(string secret) => new(Convert.FromBase64String(secret));

    /// <summary>43 URL-safe characters; safe as a RowKey part.</summary>
    public string For(string tenantId, PromptId prompt, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentException.ThrowIfNullOrEmpty(userId);

        // Length-prefixed parts, so ("ab","c") and ("a","bc") can never give the same input.
        var input = string.Join('\n', new[] { tenantId, prompt.TeamId, prompt.Week, userId }.Select(p => $"{p.Length}:{p}"));
        var mac = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(input));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
