namespace KindnessBot.Bot.Leaders;

/// <summary>The verbs the leaders card's buttons carry. Names are part of every card already sent: never rename one.</summary>
public static class LeaderVerbs
{
    public const string Add = "leaders-add";
    public const string Remove = "leaders-remove";
}
