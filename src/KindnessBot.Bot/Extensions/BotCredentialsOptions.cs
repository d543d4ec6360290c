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
