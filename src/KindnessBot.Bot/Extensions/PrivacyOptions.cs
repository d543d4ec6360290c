namespace KindnessBot.Bot.Extensions;

/// <summary>The secret the privacy keys are derived from (see <see cref="Core.Privacy.PrivacyKeys"/> and docs/privacy.md).</summary>
public sealed class PrivacyOptions
{
    public const string SecretSetting = "Privacy:Secret";
    public const string FallbackSetting = "Reflection:AnswerSecret";

    public string? Secret { get; set; }

    /// <summary>Whether <see cref="Secret"/> came from the fallback setting.</summary>
    public bool FromFallback { get; set; }
}
