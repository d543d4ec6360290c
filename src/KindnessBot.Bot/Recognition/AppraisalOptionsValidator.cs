using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Recognition;

/// <summary>A signing key that is set must be a real one: base64, at least 32 bytes (a shorter key makes links forgeable).</summary>
internal sealed class AppraisalOptionsValidator : IValidateOptions<AppraisalOptions>
{
    public const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, AppraisalOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.LinkSigningKey))
        {
            return ValidateOptionsResult.Success;
        }

        var bytes = new byte[options.LinkSigningKey.Length];
        return Convert.TryFromBase64String(options.LinkSigningKey, bytes, out var written) && written >= MinimumKeyBytes
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Appraisal:LinkSigningKey must be at least {MinimumKeyBytes} random bytes in base64 (for example the output of 'openssl rand -base64 32'), or left empty for a single instance.");
    }
}
