namespace KindnessBot.Bot.Routing;

/// <summary>The verbs card buttons carry. Names are part of every card already sent: never rename one.</summary>
public static class Verbs
{
    public const string Help = "help";
}
