using KindnessBot.Core.Reflection;

namespace KindnessBot.Bot.Reflection;

/// <summary>Settings that cannot work stop the host at start-up, each with a sentence saying what to set.</summary>
internal sealed class ReflectionOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<ReflectionOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ReflectionOptions options)
    {
        var failures = new List<string>();
        if (options.LateWindow < TimeSpan.Zero || options.SweepConcurrency is < 1 or > 256)
        {
            failures.Add("Reflection: LateWindow must not be negative, and SweepConcurrency from 1 to 256.");
        }

        if (!IsSecret(options.AnswerSecret))
        {
            failures.Add("Set Reflection:AnswerSecret to at least 32 random bytes in base64 (for example the output of 'openssl rand -base64 32'). It keeps anonymous reflection answers anonymous; keep it in Key Vault or app settings, never in the repository.");
        }

        if (options.SweepInterval < TimeSpan.FromSeconds(1) || options.SweepInterval > TimeSpan.FromMinutes(15))
        {
            failures.Add("Reflection:SweepInterval must be from 1 second to 15 minutes.");
        }

        return failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSecret(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var written) && written >= AnswerKey.MinimumSecretBytes;
    }
}
