namespace KindnessBot.Bot.Routing;

/// <summary>The verbs card buttons carry. Names are part of every card already sent: never rename one.</summary>
public static class Verbs
{
    public const string Help = "help";
    public const string RecogniseStart = "recognise-start";
    public const string RecognitionGive = "recognition-give";
    public const string RecognitionConsent = "recognition-consent";
    public const string MyKindnessPage = "my-kindness-page";
    public const string AppraisalSummary = "appraisal-summary";
    public const string PermissionPreview = "permission-preview";
    public const string PermissionPost = "permission-post";
    public const string PermissionRead = "permission-read";
    public const string PermissionUsed = "permission-used";
    public const string PermissionRevoke = "permission-revoke";
    public const string PermissionExtend = "permission-extend";
    public const string FlexRecord = "flex-record";
    public const string ReflectionSetUp = "reflection-setup";
    public const string ReflectionPause = "reflection-pause";
    public const string ReflectionResume = "reflection-resume";
    public const string ReflectionSkip = "reflection-skip";
    public const string ReflectionChange = "reflection-change";
    public const string ReflectionAnswer = "reflection-answer";
}
