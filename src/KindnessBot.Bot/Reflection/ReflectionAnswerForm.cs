using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Dialogs;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Reflection;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Reflection;

/// <summary>The answer form of a weekly prompt, for the prompt card's Answer button: only while the prompt is open, and only where it was posted.</summary>
internal sealed class ReflectionAnswerForm(SlotStore slots, ReflectionCards cards, TimeProvider time) : IDialogForm
{
    public const string FormName = "reflection-answer";

    public string Name => FormName;

    public async Task<DialogForm?> OpenAsync(ITurnContext turn, SubmitPayload data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var team = data.Id("team");
        var week = data.Text("week", 8, required: true);
        if (!team.IsValid || !week.IsValid)
        {
            return null;
        }

        var where = TurnFacts.Where(turn);
        var slot = await slots.FindAsync(where.TenantId, team.Value!, week.Value!, cancellationToken);
        if (slot is null || where.ScopeId != slot.Prompt.TeamId || slot.Prompt.ClosesAt <= time.GetUtcNow())
        {
            return null;
        }

        var locale = turn.Activity.Locale;
        return new DialogForm(Localisation.Text(nameof(ReflectionText.AnswerFormTitle), Localisation.Culture(locale)), cards.AnswerForm(slot.Prompt, locale));
    }
}
