namespace KindnessBot.Bot.Listening;

/// <summary>The verbs and forms of the listening cards (pulses and the team's statement). Names are part of every card already sent: never rename one.</summary>
public static class ListeningVerbs
{
    public const string Ask = "pulse-ask";
    public const string Answer = "pulse-send";
    public const string Results = "pulse-results";
    public const string Close = "pulse-close";
    public const string SaveStatement = "statement-save";
    public const string RingsTrue = "statement-rings-true";
    public const string Suggest = "statement-suggest";

    public const string AnswerForm = "pulse-answer";
    public const string WriteForm = "statement-write";
    public const string SuggestForm = "statement-suggestion";
}
