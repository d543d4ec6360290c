using KindnessBot.Bot.Blockers;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Tests.Cards;
using KindnessBot.Core.Blockers;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Blockers;

public sealed class BlockerCardSamples : ICardSamples
{
    private static readonly DateTimeOffset At = new(CardSamples.Day, new TimeOnly(10, 0), TimeSpan.Zero);

    /// <summary>Text as long as a field may be, of characters JSON escapes (six bytes each), that must not format anything.</summary>
    private static string Longest(string start) => (start + " <at>*x*</at> " + new string('ŵ', BlockerMoves.MaxTextLength))[..BlockerMoves.MaxTextLength];

    private static readonly DigestSchedule Digest = new() { TenantId = "tenant", TeamId = Team(0), ConversationId = Team(0), Day = 28, TimeZoneId = "America/Argentina/ComodRivadavia", NextDue = At };

    private static readonly DigestPeriod Period = new("tenant", Team(0), At.AddMonths(-1), At);

    private static string Team(int i) => $"19:{new string('t', 200)}{i}@thread.tacv2";

    private static BlockerSummary Summary(int i, BlockerStatus status, string? outcome = null) =>
        new($"{i:D19}-0000000{i % 10}", Team(0), Longest($"Blocker {i}"), BlockerWhere.ToolOrSystem, BlockerAffected.PeopleWeServe, Longest("Idea"), status, i % 2 == 0 ? 3 : 12, At, At, outcome is null ? null : At, outcome);

    private static Blocker Full(bool anonymous) => new()
    {
        TenantId = "tenant",
        Id = "0000000000000000001-00000001",
        TeamId = Team(0),
        What = Longest("What"),
        Where = BlockerWhere.Policy,
        Affected = BlockerAffected.Colleagues,
        Suggestion = Longest("Suggestion"),
        Status = BlockerStatus.Acknowledged,
        Anonymous = anonymous,
        ReporterId = anonymous ? null : "29:someone",
        ReporterName = anonymous ? null : new string('ŵ', BlockerReport.MaxNameLength),
        AffectsCount = 7,
        CreatedAt = At,
        UpdatedAt = At,
    };

    /// <summary>Every card at its largest (every field at its longest, as many items as a card shows), and empty.</summary>
    public static IEnumerable<CardMessage> Largest(BlockerCards cards, string locale)
    {
        var teams = Enumerable.Range(0, 40).Select(i => new TeamChoice(Team(i), new string('ŵ', 300))).ToList();
        var open = Enumerable.Range(0, BlockerListCard.MaxOpen + 1).Select(i => Summary(i, BlockerStatus.New)).ToList();
        var closed = Enumerable.Range(0, BlockerListCard.MaxClosed + 1).Select(i => Summary(i, i % 2 == 0 ? BlockerStatus.Changed : BlockerStatus.NotChanging, Longest("Outcome"))).ToList();
        var mine = Enumerable.Range(0, 30).Select(i => new OwnReport($"{i}", Longest("Mine"), BlockerStatus.Changed, i % 2 == 0, Longest("We did"), At)).ToList();
        return
        [
            cards.ReportForm(new ReportFormView(new string('f', 32), teams, null), locale),
            cards.ReportForm(new ReportFormView(new string('f', 32), [], Team(1)), locale),
            cards.Invite(Team(1), locale),
            cards.List(new BlockerListView(Team(0), new string('ŵ', 300), new TeamBlockers(open, closed), Leads: true, MoreOpen: true), locale),
            cards.List(new BlockerListView(Team(0), new string('ŵ', 300), new TeamBlockers(open, closed), Leads: false, MoreOpen: true), locale),
            cards.List(new BlockerListView(Team(0), "Care Team", new TeamBlockers([], []), Leads: false, MoreOpen: false), locale),
            cards.MyReports(mine, locale),
            cards.MyReports([], locale),
            cards.Respond(new RespondView(Team(0), Full(anonymous: false), [.. Enumerable.Range(0, 30).Select(i => Summary(i, BlockerStatus.New))], teams), locale),
            cards.Respond(new RespondView(Team(0), Full(anonymous: true) with { Suggestion = null, Status = BlockerStatus.New }, [], []), locale),
            .. Enum.GetValues<BlockerStatus>().Select(status => cards.News(Longest("What"), status, Longest("Note"), locale)),
            cards.List(new BlockerListView(Team(0), new string('ŵ', 300), new TeamBlockers(open, closed), Leads: true, MoreOpen: true, CanSchedule: true, Digest: Digest, Zone: "Europe/London"), locale),
            cards.List(new BlockerListView(Team(0), "Care Team", new TeamBlockers([], []), Leads: true, MoreOpen: false, CanSchedule: true), locale),
            cards.Digest(new string('ŵ', 300), Period, [.. Enumerable.Range(0, 2 * BlockerDigests.MaxItems + 2).Select(i => Summary(i, i % 2 == 0 ? BlockerStatus.Changed : BlockerStatus.NotChanging, Longest("Outcome")))], locale),
            cards.Digest("Care Team", Period, [Summary(1, BlockerStatus.Changed, "We did it.")], locale),
        ];
    }

    public IEnumerable<CardMessage> Samples(IServiceProvider services, string locale) => Largest(services.GetRequiredService<BlockerCards>(), locale);
}
