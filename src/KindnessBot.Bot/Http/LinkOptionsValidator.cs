using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Http;

/// <summary>A signing key that is set must be a real one: base64, at least 32 bytes (a shorter key makes links forgeable).</summary>
internal sealed class LinkOptionsValidator : IValidateOptions<LinkOptions>
{
    public const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, LinkOptions options) =>
        IsUsableKey(options.SigningKey)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{options.SigningKeySetting} must be at least {MinimumKeyBytes} random bytes in base64 (for example the output of 'openssl rand -base64 32'), or left empty for a single instance.");

    /// <summary>Empty (each instance makes its own), or base64 of at least <see cref="MinimumKeyBytes"/> bytes.</summary>
    public static bool IsUsableKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return true;
        }

        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key, bytes, out var written) && written >= MinimumKeyBytes;
    }
}
