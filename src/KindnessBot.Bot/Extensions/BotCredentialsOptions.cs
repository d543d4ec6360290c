using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Extensions;

/// <summary>
/// The bot's identity, read from the standard Bot Framework keys (MicrosoftAppType, MicrosoftAppId,
/// MicrosoftAppTenantId, MicrosoftAppPassword). No app id means local development: no authentication, and the
/// host listens on loopback only.
/// </summary>
public sealed class BotCredentialsOptions
{
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}

internal sealed class BotCredentialsOptionsValidator : IValidateOptions<BotCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, BotCredentialsOptions options)
    {
        if (!options.IsConfigured)
        {
            return string.IsNullOrWhiteSpace(options.MicrosoftAppPassword) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("MicrosoftAppId is empty but other bot credentials are set: set MicrosoftAppId too, or clear them all for local development.");
        }

        var failures = new List<string>();
        if (options.MicrosoftAppType is not (BotCredentialsOptions.SingleTenant or BotCredentialsOptions.UserAssignedMsi))
        {
            failures.Add("MicrosoftAppType must be SingleTenant or UserAssignedMSI (new multi-tenant bot registrations are no longer possible).");
        }

        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add("MicrosoftAppId must be the bot's application (client) id, a GUID.");
        }

        if (!Guid.TryParse(options.MicrosoftAppTenantId, out _))
        {
            failures.Add("MicrosoftAppTenantId must be your Microsoft Entra tenant id, a GUID.");
        }

        if (options.MicrosoftAppType == BotCredentialsOptions.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            failures.Add("A SingleTenant bot needs MicrosoftAppPassword (keep it in user secrets or Key Vault, never in the repo).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
