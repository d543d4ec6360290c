namespace KindnessBot.Bot.Reflection;

/// <summary>The verbs the reflection cards' buttons carry. Names are part of every card already sent: never rename one.</summary>
public static class ReflectionVerbs
{
    public const string SetUp = "reflection-setup";
    public const string Pause = "reflection-pause";
    public const string Resume = "reflection-resume";
    public const string Skip = "reflection-skip";
    public const string Change = "reflection-change";
    public const string Answer = "reflection-answer";
}
