using KindnessBot.Bot.Extensions;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Http;

/// <summary>
/// The door's tenant check: an activity from an organisation this deployment does not serve is refused before
/// anything is read or stored, whatever its ids name.
/// </summary>
internal sealed class TenantPolicy(IOptions<TenantOptions> tenants, IOptions<BotCredentialsOptions> credentials)
{
    private readonly HashSet<string> _allowed = Allowed(tenants.Value, credentials.Value);

    /// <summary>True when this deployment serves the tenant; with none configured and no credentials (local development), every tenant.</summary>
    public bool Serves(string tenantId) => _allowed.Count == 0 ? !credentials.Value.IsConfigured : _allowed.Contains(tenantId);

    private static HashSet<string> Allowed(TenantOptions tenants, BotCredentialsOptions credentials)
    {
        var allowed = new HashSet<string>(tenants.Allowed.Where(t => !string.IsNullOrWhiteSpace(t)), StringComparer.OrdinalIgnoreCase);
        if (allowed.Count == 0 && !string.IsNullOrWhiteSpace(credentials.MicrosoftAppTenantId))
        {
            allowed.Add(credentials.MicrosoftAppTenantId);
        }

        return allowed;
    }
}
