namespace KindnessBot.Bot.Routing;

/// <summary>
/// The verbs of the shared cards' buttons (welcome and help). Each feature names its own in its folder
/// (RecognitionVerbs, PermissionVerbs, ReflectionVerbs). Names are part of every card already sent: never rename one.
/// </summary>
public static class Verbs
{
    public const string Help = "help";
    public const string RecogniseStart = "recognise-start";

    /// <summary>The form the help card's <i>Report a blocker</i> opens (a dialog, or the form in the person's own chat).</summary>
    public const string ReportBlockerForm = "blocker-report";
}
