using KindnessBot.Bot.Cards;

namespace KindnessBot.Bot.Leaders;

/// <summary>The leaders feature's card.</summary>
public sealed class LeaderCards : CardSet
{
    public CardMessage Leaders(LeadersView view, string? locale) => Fresh(LeadersCard.Build(view, Culture(locale)));
}
