using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Help;

/// <summary>"help": the card of everything the bot can do.</summary>
internal sealed class HelpCommand(CommonCards cards)
    : TextCommand("help", nameof(HelpText.CommandHelpUsage), nameof(HelpText.CommandHelpDescription), "?", "hi", "hello", "hey", "start", "menu", "commands")
{
    public override Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken) =>
        SendHelpAsync(turn, cards, cancellationToken);

    internal static async Task SendHelpAsync(ITurnContext turn, CommonCards cards, CancellationToken cancellationToken) =>
        await turn.SendActivityAsync((await cards.HelpForAsync(turn, cancellationToken)).ToActivity(), cancellationToken);
}
