using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Extensions;

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
