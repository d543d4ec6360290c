using System.Globalization;
using System.Text;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Recognition;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Recognition;

/// <summary>"appraisal summary": only in the person's own chat, only their own received kindness.</summary>
internal sealed class AppraisalCommand(RecognitionCards cards, CommonCards common) : ITextCommand
{
    public string Name => "appraisal summary";

    public IReadOnlyList<string> Aliases { get; } = ["appraisal"];

    public string Usage(CultureInfo culture) => Localisation.Text(nameof(RecognitionText.CommandAppraisalUsage), culture);

    public string Describe(CultureInfo culture) => Localisation.Text(nameof(RecognitionText.CommandAppraisalDescription), culture);

    public Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(
            TurnFacts.Where(turn).Kind == ConversationKind.Personal
                ? cards.AppraisalPeriod(TurnFacts.Locale(turn)).ToActivity()
                : common.Notice(Localisation.Text(nameof(RecognitionText.AppraisalTitle), TurnFacts.Culture(turn)), TurnFacts.Text(turn, nameof(RecognitionText.AppraisalPersonalOnly))).ToActivity(),
            cancellationToken);
}
