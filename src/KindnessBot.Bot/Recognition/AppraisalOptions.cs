namespace KindnessBot.Bot.Recognition;

public sealed class AppraisalOptions
{
    public const string Section = "Appraisal";

    /// <summary>The bot's public address, for download links (https://your-bot.azurewebsites.net).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:3978/");

    /// <summary>
    /// Signs download links (base64, 32 bytes or more). Set it in Key Vault or app settings when more than one instance
    /// runs; left empty, each instance makes its own at start-up and its links work only on that instance.
    /// </summary>
    public string? LinkSigningKey { get; set; }

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
