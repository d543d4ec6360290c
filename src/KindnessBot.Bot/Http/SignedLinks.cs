using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Http;

/// <summary>
/// The one signer of short-lived tokens: download links, and the confirmation a card carries. A token is its fields, its
/// purpose and its expiry, with an HMAC-SHA256 of all three under one key: a token made for one purpose (an appraisal
/// summary) is no good for another (a person's data), and changing any part of it breaks the signature.
/// </summary>
public sealed class SignedLinks
{
    private readonly byte[] _key;
    private readonly LinkOptions _options;
    private readonly TimeProvider _time;

    public SignedLinks(IOptions<LinkOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _key = string.IsNullOrWhiteSpace(_options.SigningKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(_options.SigningKey);
    }

    /// <summary>A link to <paramref name="path"/> (relative to the public address) carrying a token for <paramref name="purpose"/>.</summary>
    public Uri Link(string path, string purpose, IReadOnlyList<string> fields, TimeSpan lifetime) =>
        new(_options.PublicBaseUrl, path + "?t=" + Uri.EscapeDataString(Sign(purpose, fields, lifetime)));

    public string Sign(string purpose, IReadOnlyList<string> fields, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Any(f => f.Contains('\n', StringComparison.Ordinal)) || purpose.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A signed field cannot hold a line break.", nameof(fields));
        }

        var expires = (_time.GetUtcNow() + lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', [purpose, expires, .. fields]));
        return WebEncoders.Base64UrlEncode(bytes) + "." + WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, bytes));
    }

    /// <summary>The fields of a genuine, unexpired token made for <paramref name="purpose"/>; nothing is read from one that is not.</summary>
    public SignedToken Read(string? token, string purpose)
    {
        if (token is not { Length: > 0 and < 4096 } || token.Split('.') is not [var payloadPart, var signaturePart])
        {
            return SignedToken.Invalid;
        }

        try
        {
            var bytes = WebEncoders.Base64UrlDecode(payloadPart);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, bytes), WebEncoders.Base64UrlDecode(signaturePart)))
            {
                return SignedToken.Invalid;
            }

            var parts = Encoding.UTF8.GetString(bytes).Split('\n');
            if (parts.Length < 2 || parts[0] != purpose || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            {
                return SignedToken.Invalid;
            }

            return DateTimeOffset.FromUnixTimeSeconds(expires) > _time.GetUtcNow() ? new SignedToken(parts[2..], false) : new SignedToken(null, true);
        }
        catch (FormatException)
        {
            return SignedToken.Invalid;
        }
    }
}
