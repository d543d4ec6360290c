using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Help;

/// <summary>The "See what I can do" button.</summary>
internal sealed class HelpVerb(CommonCards cards) : ButtonVerb
{
    public override string Verb => Verbs.Help;

    protected override Task PressedAsync(ITurnContext turn, CancellationToken cancellationToken) => HelpCommand.SendHelpAsync(turn, cards, cancellationToken);
}
