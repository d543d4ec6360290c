using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>Recording a flexible decision: what, for whom, relying on which permission, what happened, share or not.</summary>
internal static class DecisionFormCard
{
    /// <param name="reliedOn">Choices: "scope|key" for a statement, "scope|own" for own judgement in that team or chat.</param>
    public static AdaptiveCard Build(IReadOnlyList<Choice> reliedOn, string? selected, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
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
            [SubmitAction.ForVerb(T(nameof(PermissionText.DecisionSubmit)), PermissionVerbs.FlexRecord)]);
    }
}
