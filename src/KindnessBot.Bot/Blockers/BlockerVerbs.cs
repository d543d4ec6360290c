namespace KindnessBot.Bot.Blockers;

/// <summary>The verbs and forms of the blockers cards. Names are part of every card already sent: never rename one.</summary>
public static class BlockerVerbs
{
    /// <summary>The report form's Send (from a dialog, or from the form in personal chat).</summary>
    public const string Send = "blocker-send";

    public const string Move = "blocker-move";
    public const string Merge = "blocker-merge";
    public const string Pass = "blocker-pass";
    public const string AffectsMe = "blocker-affects";

    /// <summary>A leader's monthly "you said, we did" settings.</summary>
    public const string Digest = "blocker-digest";

    /// <summary>The report form (the help card's button opens it too, by this name).</summary>
    public const string ReportForm = Routing.Verbs.ReportBlockerForm;

    /// <summary>A leader's form for one blocker: move, merge or pass.</summary>
    public const string RespondForm = "blocker-respond";
}
