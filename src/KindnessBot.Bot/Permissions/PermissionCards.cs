using KindnessBot.Bot.Cards;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>Every card of permission to flex: the statement form, preview, posted statement and reminder, decisions and logs.</summary>
public sealed class PermissionCards : CardSet
{
    public CardMessage PermissionForm(DateOnly today, IReadOnlyList<(string TeamId, string Name)>? teams, string? locale) =>
        Fresh(StatementFormCard.Build(today, teams, Culture(locale)));

    public CardMessage PermissionPreview(PermissionStatement draft, IReadOnlyDictionary<string, object> post, string? locale) =>
        Fresh(StatementPreviewCard.Build(draft, post, Culture(locale)));

    public CardMessage Statement(PermissionStatement statement, DateOnly today, string? locale) => Fresh(StatementCard.Build(statement, today, Culture(locale)));

    public CardMessage Reminder(PermissionStatement statement, string? locale) => Fresh(ReminderCard.Build(statement, Culture(locale)));

    public CardMessage DecisionForm(IReadOnlyList<Choice> reliedOn, string? selected, string? locale) => Fresh(DecisionFormCard.Build(reliedOn, selected, Culture(locale)));

    public CardMessage Story(FlexDecision decision, PermissionStatement? statement, string? locale) => Fresh(StoryCard.Build(decision, statement, Culture(locale)));

    public CardMessage PermissionsList(IReadOnlyList<PermissionStatement> statements, IReadOnlyList<FlexDecision> mine, DateOnly today, string? locale) =>
        Fresh(PermissionsListCard.Build(statements, mine, today, Culture(locale)));

    public CardMessage FlexLog(FlexLog log, string? locale) => Fresh(FlexLogCard.Build(log, Culture(locale)));
}
