namespace KindnessBot.Bot.Recognition;

/// <summary>
/// The appraisal summary's link. Its address and signing key are the shared link settings (<see cref="Http.LinkOptions"/>;
/// "Appraisal:PublicBaseUrl" and "Appraisal:LinkSigningKey" are still read when those are not set).
/// </summary>
public sealed class AppraisalOptions
{
    public const string Section = "Appraisal";

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
