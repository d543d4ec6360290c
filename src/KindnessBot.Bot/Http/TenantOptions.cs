namespace KindnessBot.Bot.Http;

/// <summary>Which organisations (Entra tenants) this deployment serves.</summary>
public sealed class TenantOptions
{
    public const string Section = "Tenants";

    /// <summary>
    /// The tenant ids served. Empty: only the bot's own tenant (MicrosoftAppTenantId); in local development, with no
    /// credentials and loopback only, any tenant (the Playground's).
    /// </summary>
    public IList<string> Allowed { get; } = [];
}
