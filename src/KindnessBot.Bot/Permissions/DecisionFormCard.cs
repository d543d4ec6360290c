using System.Globalization;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Permissions;
using KindnessBot.Bot.Cards;

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
                new TextBlock(T("DecisionFormTitle")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(T("DecisionFormIntro")) { IsSubtle = true },
                new InputText("decided") { Label = T("DecisionDecidedLabel"), IsMultiline = true, MaxLength = FlexDecision.MaxTextLength, IsRequired = true, ErrorMessage = T("DecisionDecidedError") },
                new InputText("forWhom") { Label = T("DecisionForWhomLabel"), Placeholder = T("DecisionForWhomPlaceholder"), MaxLength = FlexDecision.MaxForWhomLength, IsRequired = true, ErrorMessage = T("DecisionForWhomError") },
                new InputChoiceSet("reliedOn", reliedOn) { Label = T("DecisionStatementLabel"), Style = "compact", Value = selected ?? reliedOn[0].Value, IsRequired = true, ErrorMessage = T("DecisionStatementLabel") },
                new InputText("outcome") { Label = T("DecisionOutcomeLabel"), IsMultiline = true, MaxLength = FlexDecision.MaxTextLength, IsRequired = true, ErrorMessage = T("DecisionOutcomeError") },
                new InputToggle("share", T("DecisionShareToggle")) { Value = "false" },
            ],
            [SubmitAction.ForVerb(T("DecisionSubmit"), PermissionVerbs.FlexRecord)]);
    }
}
