using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Help;

/// <summary>The "See what I can do" button.</summary>
internal sealed class HelpVerb(CommonCards cards) : SubmitVerb<HelpVerb.ShowHelp>
{
    public override string Verb => Verbs.Help;

    protected override Parsed<ShowHelp> Parse(SubmitPayload payload) => Parsed<ShowHelp>.Valid(new ShowHelp());

    protected override async Task<string?> HandleAsync(ITurnContext turn, ShowHelp command, CancellationToken cancellationToken)
    {
        await HelpCommand.SendHelpAsync(turn, cards, cancellationToken);
        return null;
    }

    internal sealed record ShowHelp;
}
