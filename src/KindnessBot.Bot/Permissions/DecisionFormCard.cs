using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>Recording a flexible decision: what, for whom, relying on which permission, what happened, share or not.</summary>
internal static class DecisionFormCard
{
    /// <summary>The newest statements in force offered (and the one pressed, if older), so the card stays small.</summary>
    public const int MaxStatements = 20;

    /// <summary>The teams and chats offered for "my own judgement".</summary>
    public const int MaxScopes = 10;

    public const int MaxChoiceTitle = 80;

    /// <param name="statements">Statements in force, newest first: "scope|key".</param>
    /// <param name="ownJudgement">Own judgement in each team or chat: "scope|own".</param>
    /// <param name="cardId">This card's id: it records one decision, however often it is submitted.</param>
    public static AdaptiveCard Build(IReadOnlyList<Choice> statements, IReadOnlyList<Choice> ownJudgement, string? selected, string cardId, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var shown = statements.Take(MaxStatements).ToList();
        if (selected is not null && !shown.Exists(c => c.Value == selected) && statements.FirstOrDefault(c => c.Value == selected) is { } pressed)
        {
            shown = [pressed, .. shown.Take(MaxStatements - 1)];
        }

        List<Choice> reliedOn = [.. shown.Concat(ownJudgement.Take(MaxScopes)).Select(c => c with { Title = ShortText.Of(c.Title, MaxChoiceTitle) })];
        return new AdaptiveCard(
            [
                new TextBlock(T(nameof(PermissionText.DecisionFormTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(T(nameof(PermissionText.DecisionFormIntro))) { IsSubtle = true },
                new InputText("decided") { Label = T(nameof(PermissionText.DecisionDecidedLabel)), IsMultiline = true, MaxLength = FlexDecision.MaxTextLength, IsRequired = true, ErrorMessage = T(nameof(PermissionText.DecisionDecidedError)) },
                new InputText("forWhom") { Label = T(nameof(PermissionText.DecisionForWhomLabel)), Placeholder = T(nameof(PermissionText.DecisionForWhomPlaceholder)), MaxLength = FlexDecision.MaxForWhomLength, IsRequired = true, ErrorMessage = T(nameof(PermissionText.DecisionForWhomError)) },
                new InputChoiceSet("reliedOn", reliedOn) { Label = T(nameof(PermissionText.DecisionStatementLabel)), Style = "compact", Value = selected ?? reliedOn[0].Value, IsRequired = true, ErrorMessage = T(nameof(PermissionText.DecisionStatementLabel)) },
                new InputText("outcome") { Label = T(nameof(PermissionText.DecisionOutcomeLabel)), IsMultiline = true, MaxLength = FlexDecision.MaxTextLength, IsRequired = true, ErrorMessage = T(nameof(PermissionText.DecisionOutcomeError)) },
                new InputToggle("share", T(nameof(PermissionText.DecisionShareToggle))) { Value = "false" },
            ],
            [new SubmitAction(T(nameof(PermissionText.DecisionSubmit)), new Dictionary<string, object> { ["verb"] = PermissionVerbs.FlexRecord, [PermissionCardId.Field] = cardId })]);
    }
}
