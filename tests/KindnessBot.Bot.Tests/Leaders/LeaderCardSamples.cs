using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Leaders;
using KindnessBot.Bot.Tests.Cards;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Leaders;

public sealed class LeaderCardSamples : ICardSamples
{
    public IEnumerable<CardMessage> Samples(IServiceProvider services, string locale) => Largest(services.GetRequiredService<LeaderCards>(), locale);

    /// <summary>A name as long as the product keeps one, with characters that must not format anything.</summary>
    public static string LongName(int i) => DisplayName.Bound($"<at>*Name {i}*</at> " + new string('ŵ', 400))!;

    /// <summary>The card at its largest (every leader a team may have, a roster of hundreds), read-only, empty, and with nobody left to add.</summary>
    public static IEnumerable<CardMessage> Largest(LeaderCards cards, string locale)
    {
        var at = new DateTimeOffset(CardSamples.Day, TimeOnly.MinValue, TimeSpan.Zero);
        var leaders = Enumerable.Range(0, TableLeaderStore.MaxLeaders).Select(i => new TeamLeader($"29:{new string('l', 200)}{i}", null, LongName(i), "29:lee", at)).ToList();
        var roster = Enumerable.Range(0, 500).Select(i => new Person($"29:{new string('m', 200)}{i}", null, LongName(i), "tenant")).ToList();
        var team = "19:" + new string('t', 200) + "@thread.tacv2";
        return
        [
            cards.Leaders(new LeadersView(team, LongName(0), leaders, true, roster, LongName(1) + " now leads this team."), locale),
            cards.Leaders(new LeadersView(team, "Care Team", leaders.Take(3).ToList(), false, []), locale),
            cards.Leaders(new LeadersView(team, "Care Team", [], true, roster.Take(2).ToList()), locale),
            cards.Leaders(new LeadersView(team, "Care Team", leaders.Take(1).ToList(), true, []), locale),
        ];
    }
}
