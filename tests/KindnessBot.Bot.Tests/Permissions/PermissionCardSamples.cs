using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Permissions;
using KindnessBot.Bot.Tests.Cards;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Permissions;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Permissions;

public sealed class PermissionCardSamples : ICardSamples
{
    public IEnumerable<CardMessage> Samples(IServiceProvider services, string locale)
    {
        var cards = services.GetRequiredService<PermissionCards>();
        var day = CardSamples.Day;
        var statement = new PermissionStatement
        {
            TenantId = "tenant", ScopeId = "19:team", ConversationId = "19:team", Key = "0000000000000000001-0000abcd", LeaderId = "29:lee", LeaderName = "Lee Lead",
            What = "You can offer a customer a goodwill gesture of up to £50 without asking.", Boundaries = "Once per customer; tell your lead afterwards.",
            Commitments = [Commitment.Permissive], ValidFrom = day, ValidUntil = day.AddDays(90), ReadCount = 12, UsedCount = 3,
        };
        var decision = new FlexDecision
        {
            TenantId = "tenant", ScopeId = "19:team", Key = "0000000000000000002-0000abcd", PersonId = "29:alex", PersonName = "Alex Wilber",
            Decided = "Refunded the delivery charge", ForWhom = "a customer whose parcel was late", StatementKey = statement.Key, Outcome = "They stayed with us", ShareAsStory = true,
        };
        return
        [
            cards.PermissionForm(day, [("19:team", "Care Team")], locale), cards.PermissionForm(day, null, locale),
            cards.PermissionPreview(statement, new Dictionary<string, object> { ["verb"] = PermissionVerbs.Post }, locale),
            cards.Statement(statement, day, locale), cards.Statement(statement with { Revoked = true }, day, locale), cards.Statement(statement, day.AddYears(1), locale),
            cards.Reminder(statement, locale),
            cards.DecisionForm([new Choice("My own judgement", "19:team|own")], null, locale),
            cards.Story(decision, statement, locale), cards.Story(decision, null, locale),
            cards.PermissionsList([statement], [decision], day, locale), cards.PermissionsList([], [], day, locale),
            cards.FlexLog(new FlexLog([new StatementLog(statement, 2, [decision])], 1, [decision]), locale),
        ];
    }
}
