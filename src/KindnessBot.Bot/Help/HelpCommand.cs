using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Help;

/// <summary>"help": the card of everything the bot can do.</summary>
internal sealed class HelpCommand(CardFactory cards) : ITextCommand
{
    public string Name => "help";

    public IReadOnlyList<string> Aliases { get; } = ["?", "hi", "hello", "hey", "start", "menu", "commands"];

    public string Usage(CultureInfo culture) => Localisation.Text("CommandHelpUsage", culture);

    public string Describe(CultureInfo culture) => Localisation.Text("CommandHelpDescription", culture);

    public Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken) =>
        SendHelpAsync(turn, cards, cancellationToken);

    internal static Task SendHelpAsync(ITurnContext turn, CardFactory cards, CancellationToken cancellationToken)
    {
        var shared = turn.Activity.Conversation.ConversationType is "channel" or "groupChat";
        return turn.SendActivityAsync(cards.Help(shared, turn.Activity.Locale).ToActivity(), cancellationToken);
    }
}

/// <summary>The "See what I can do" button.</summary>
internal sealed class HelpVerb(CardFactory cards) : SubmitVerb<HelpVerb.ShowHelp>
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
