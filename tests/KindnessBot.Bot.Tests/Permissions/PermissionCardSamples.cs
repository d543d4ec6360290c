using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Permissions;
using KindnessBot.Bot.Tests.Cards;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Permissions;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Permissions;

/// <summary>Every permission card at its edges, and each at its largest (<see cref="Largest"/>), for the SDK and the size test.</summary>
public sealed class PermissionCardSamples : ICardSamples
{
    private const string Team = "19:0123456789abcdef0123456789abcdef@thread.tacv2";

    /// <summary>The longest name Teams may send, and a person's or team's name is shown in full where it appears.</summary>
    private const int MaxNameLength = 256;

    /// <summary>How many statements the long lists hold in <see cref="Largest"/>.</summary>
    public const int LongList = 60;

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
        CardMessage[] edges =
        [
            cards.PermissionForm(day, [("19:team", "Care Team")], locale), cards.PermissionForm(day, null, locale),
            cards.PermissionPreview(statement, new Dictionary<string, object> { ["verb"] = PermissionVerbs.Post }, locale),
            cards.Statement(statement, day, locale), cards.Statement(statement with { Revoked = true }, day, locale), cards.Statement(statement, day.AddYears(1), locale),
            cards.Reminder(statement, locale),
            cards.DecisionForm([], [new Choice("My own judgement", "19:team|own")], null, locale),
            cards.DecisionForm([new Choice(statement.What, "19:team|" + statement.Key)], [new Choice("My own judgement", "19:team|own")], "19:team|" + statement.Key, locale),
            cards.Story(decision, statement, locale), cards.Story(decision, null, locale),
            cards.PermissionsList([statement], [decision], day, 0, locale), cards.PermissionsList([], [], day, 0, locale),
            cards.FlexLog(new FlexLog([new StatementLog(statement, 2, [decision])], 1, [decision]), "19:team", 0, locale),
            cards.FlexLog(new FlexLog([], 0, []), "19:team", 0, locale),
        ];

        // The largest: the first and last page of each long list, and every other card once.
        var largest = Largest(cards, locale).GroupBy(c => c.Name).SelectMany(g => g.Count() > 2 ? new[] { g.First(), g.Last() } : [.. g]);
        return [.. edges, .. largest];
    }

    /// <summary>
    /// Each card at its largest: the longest text every field allows, in characters that take the most room in a card's
    /// JSON (anything beyond ASCII is sent as a six-byte \u escape), and as many items as the card can be given; every
    /// page of the cards that come a page at a time.
    /// </summary>
    public static IEnumerable<CardMessage> Largest(PermissionCards cards, string locale)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var day = CardSamples.Day;
        var name = Longest(MaxNameLength);
        var statements = Enumerable.Range(0, 200).Select(i => LargestStatement(i, name)).ToList();
        var decisions = Enumerable.Range(0, 40).Select(i => LargestDecision(i, name, statements[i % statements.Count].Key)).ToList();
        var teams = Enumerable.Range(0, 40).Select(i => ($"19:{i:D32}@thread.tacv2", Longest(MaxNameLength))).ToList();
        var statementChoices = statements.Select(s => new Choice(s.What, $"{Team}|{s.Key}")).ToList();
        var ownChoices = teams.Select(t => new Choice(string.Format(System.Globalization.CultureInfo.InvariantCulture, "My own judgement ({0})", t.Item2), $"{t.Item1}|own")).ToList();

        yield return cards.PermissionForm(day, teams, locale);
        var statement = statements[0];
        var post = new Dictionary<string, object> { ["verb"] = PermissionVerbs.Post, ["what"] = statement.What, ["boundaries"] = statement.Boundaries, ["from"] = "2026-11-20", ["until"] = "2027-11-20", ["commitments"] = string.Join(',', Enum.GetNames<Commitment>()), ["team"] = Team, ["cardId"] = new string('f', 32) };
        yield return cards.PermissionPreview(statement, post, locale);
        yield return cards.Statement(statement, day, locale);
        yield return cards.Statement(statement with { Revoked = true }, day, locale);
        yield return cards.Reminder(statement, locale);
        yield return cards.DecisionForm(statementChoices, ownChoices, statementChoices[^1].Value, locale);
        yield return cards.Story(decisions[0], statement, locale);

        // A long list fills many pages (each page is measured as it is built, so more items only make more pages).
        var listed = statements.Take(LongList).ToList();
        foreach (var card in Pages(page => cards.PermissionsList(listed, decisions, day, page, locale)))
        {
            yield return card;
        }

        var log = new FlexLog([.. listed.Select(s => new StatementLog(s, 100_000, [.. decisions.Take(10)]))], 100_000, [.. decisions.Take(10)]);
        foreach (var card in Pages(page => cards.FlexLog(log, Team, page, locale)))
        {
            yield return card;
        }
    }

    /// <summary>Every page of a card that comes a page at a time, following "Show more" as a person would.</summary>
    private static IEnumerable<CardMessage> Pages(Func<int, CardMessage> page)
    {
        for (var number = 0; ; number++)
        {
            var card = page(number);
            yield return card;
            if (JObject.Parse(card.Json)["actions"] is not JArray { Count: > 0 } actions)
            {
                yield break;
            }

            Assert.Equal(number + 1, (int)actions[0]!["data"]!["page"]!);
        }
    }

    /// <summary>Text of <paramref name="length"/> characters that takes the most room in JSON; a number first, so items differ.</summary>
    public static string Longest(int length, int number = 0) => (number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + new string('’', length))[..length];

    private static PermissionStatement LargestStatement(int i, string name) => new()
    {
        TenantId = "tenant", ScopeId = Team, ConversationId = Team, Key = $"{i:D19}-0000abcd", LeaderId = "29:lee", LeaderName = name,
        What = Longest(PermissionStatement.MaxWhatLength, i), Boundaries = Longest(PermissionStatement.MaxBoundariesLength, i),
        Commitments = Enum.GetValues<Commitment>(), ValidFrom = CardSamples.Day, ValidUntil = CardSamples.Day.AddDays(PermissionService.MaxValidDays),
        ReadCount = 100_000, UsedCount = 100_000,
    };

    private static FlexDecision LargestDecision(int i, string name, string statementKey) => new()
    {
        TenantId = "tenant", ScopeId = Team, Key = $"{i:D19}-0000dcba", PersonId = "29:alex", PersonName = name,
        Decided = Longest(FlexDecision.MaxTextLength, 500 + i), ForWhom = Longest(FlexDecision.MaxForWhomLength, 500 + i), StatementKey = statementKey,
        Outcome = Longest(FlexDecision.MaxTextLength, 500 + i), ShareAsStory = true,
    };
}
