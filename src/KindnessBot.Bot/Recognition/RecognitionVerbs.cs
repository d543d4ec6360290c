namespace KindnessBot.Bot.Recognition;

/// <summary>The verbs recognition's card buttons carry. Names are part of every card already sent: never rename one.</summary>
public static class RecognitionVerbs
{
    public const string Give = "recognition-give";
    public const string Consent = "recognition-consent";
    public const string MyKindnessPage = "my-kindness-page";
    public const string AppraisalSummary = "appraisal-summary";
}
