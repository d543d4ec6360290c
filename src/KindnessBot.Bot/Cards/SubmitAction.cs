namespace KindnessBot.Bot.Cards;

/// <summary>A button that sends <see cref="Data"/> back to the bot; it must carry a "verb" for the submit router.</summary>
public sealed record SubmitAction(string Title, IReadOnlyDictionary<string, object> Data) : CardAction(Title)
{
    public static SubmitAction ForVerb(string title, string verb) => new(title, new Dictionary<string, object> { ["verb"] = verb });
}
