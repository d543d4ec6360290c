using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Recognition;

/// <summary>
/// Short-lived, signed links to a person's appraisal summary file. A link is made only in that person's own chat
/// and names them inside its signed part, so nobody else's summary can be reached by changing it.
/// </summary>
public sealed class AppraisalLinks
{
    private readonly byte[] _key;
    private readonly AppraisalOptions _options;
    private readonly TimeProvider _time;

    public AppraisalLinks(IOptions<AppraisalOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _key = string.IsNullOrWhiteSpace(_options.LinkSigningKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(_options.LinkSigningKey);
    }

    public Uri Create(string tenantId, string userId, int months)
    {
        var expires = _time.GetUtcNow() + _options.LinkLifetime;
        var payload = string.Join('\n', tenantId, userId, months.ToString(CultureInfo.InvariantCulture), expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var bytes = Encoding.UTF8.GetBytes(payload);
        var token = WebEncoders.Base64UrlEncode(bytes) + "." + WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, bytes));
        return new Uri(_options.PublicBaseUrl, "appraisal-summary?t=" + Uri.EscapeDataString(token));
    }

    /// <summary>The grant a token carries; null when it is forged, altered, malformed or expired.</summary>
    public AppraisalGrant? Read(string? token)
    {
        if (token is not { Length: > 0 and < 2048 } || token.Split('.') is not [var payloadPart, var signaturePart])
        {
            return null;
        }

        try
        {
            var bytes = WebEncoders.Base64UrlDecode(payloadPart);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, bytes), WebEncoders.Base64UrlDecode(signaturePart)))
            {
                return null;
            }

            var parts = Encoding.UTF8.GetString(bytes).Split('\n');
            var grant = new AppraisalGrant(parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[3], CultureInfo.InvariantCulture)));
            return grant.Expires > _time.GetUtcNow() ? grant : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
