using KindnessBot.Bot.Cards;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>Every card of permission to flex: the statement form, preview, posted statement and reminder, decisions and logs.</summary>
public sealed class PermissionCards : CardSet
{
    /// <param name="teams">From personal chat, the teams the leader may choose; null in the team's channel or chat.</param>
    public CardMessage PermissionForm(DateOnly today, IReadOnlyList<(string TeamId, string Name)>? teams, string? locale) =>
        Fresh(StatementFormCard.Build(today, teams, PermissionCardId.New(), Culture(locale)));

    public CardMessage PermissionPreview(PermissionStatement draft, IReadOnlyDictionary<string, object> post, string? locale) =>
        Fresh(StatementPreviewCard.Build(draft, post, Culture(locale)));

    public CardMessage Statement(PermissionStatement statement, DateOnly today, string? locale) => Fresh(StatementCard.Build(statement, today, Culture(locale)));

    public CardMessage Reminder(PermissionStatement statement, string? locale) => Fresh(ReminderCard.Build(statement, Culture(locale)));

    /// <param name="statements">Statements in force, newest first ("scope|key").</param>
    /// <param name="ownJudgement">"My own judgement" in each team or chat ("scope|own").</param>
    public CardMessage DecisionForm(IReadOnlyList<Choice> statements, IReadOnlyList<Choice> ownJudgement, string? selected, string? locale) =>
        Fresh(DecisionFormCard.Build(statements, ownJudgement, selected, PermissionCardId.New(), Culture(locale)));

    public CardMessage Story(FlexDecision decision, PermissionStatement? statement, string? locale) => Fresh(StoryCard.Build(decision, statement, Culture(locale)));

    /// <param name="page">From 0; past the end, the last page.</param>
    public CardMessage PermissionsList(IReadOnlyList<PermissionStatement> statements, IReadOnlyList<FlexDecision> mine, DateOnly today, int page, string? locale) =>
        Fresh(PermissionsListCard.Build(statements, mine, today, page, Culture(locale)));

    /// <param name="scopeId">The team or chat the log is of, carried by "Show more".</param>
    /// <param name="page">From 0; past the end, the last page.</param>
    public CardMessage FlexLog(FlexLog log, string scopeId, int page, string? locale) => Fresh(FlexLogCard.Build(log, scopeId, page, Culture(locale)));
}
