using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Recognition;

/// <summary>"appraisal summary": only in the person's own chat, only their own received kindness.</summary>
internal sealed class AppraisalCommand(RecognitionCards cards, CommonCards common)
    : TextCommand("appraisal summary", nameof(RecognitionText.CommandAppraisalUsage), nameof(RecognitionText.CommandAppraisalDescription), "appraisal")
{
    public override Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(
            TurnFacts.Where(turn).Kind == ConversationKind.Personal
                ? cards.AppraisalPeriod(TurnFacts.Locale(turn)).ToActivity()
                : common.Notice(Localisation.Text(nameof(RecognitionText.AppraisalTitle), TurnFacts.Culture(turn)), TurnFacts.Text(turn, nameof(RecognitionText.AppraisalPersonalOnly))).ToActivity(),
            cancellationToken);
}
