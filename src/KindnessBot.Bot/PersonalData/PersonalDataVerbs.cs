namespace KindnessBot.Bot.PersonalData;

/// <summary>The verbs the confirmation card's buttons carry. Names are part of every card already sent: never rename one.</summary>
public static class PersonalDataVerbs
{
    public const string Erase = "data-erase";
    public const string Keep = "data-keep";
}
