namespace KindnessBot.Bot.Http;

/// <summary>
/// The signed, short-lived download links every feature makes (an appraisal summary, a person's data). Read from
/// "Links"; the older "Appraisal:PublicBaseUrl" and "Appraisal:LinkSigningKey" still work when these are not set.
/// </summary>
public sealed class LinkOptions
{
    public const string Section = "Links";

    /// <summary>The bot's public address, for download links (https://your-bot.azurewebsites.net).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:3978/");

    /// <summary>
    /// Signs download links (base64, 32 bytes or more). Set it in Key Vault or app settings when more than one instance
    /// runs; left empty, each instance makes its own at start-up and its links work only on that instance.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Which setting the key came from, for the message when it is not a usable one.</summary>
    internal string SigningKeySetting { get; set; } = Section + ":SigningKey";
}
