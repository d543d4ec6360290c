using KindnessBot.Bot.Resources;
using System.Globalization;
using KindnessBot.Bot.Routing;

namespace KindnessBot.Bot.Cards;

/// <summary>Everything the bot answers, built from the commands that are registered, so it is never out of date.</summary>
internal static class HelpCard
{
    /// <param name="reportBlocker">The button that opens the blocker report form (a dialog where Teams opens one).</param>
    public static AdaptiveCard Build(IEnumerable<ITextCommand> commands, bool inSharedConversation, CardAction reportBlocker, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var rows = commands
            .Select(c => new Fact(c.Usage(culture), c.Describe(culture)))
            .ToList();

        return new AdaptiveCard(
            [
                new TextBlock(T(nameof(Strings.HelpTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(T(inSharedConversation ? nameof(Strings.HelpIntroShared) : nameof(Strings.HelpIntroPersonal))),
                new FactSet(rows) { Spacing = Spacing.Medium },
            ],
            [SubmitAction.ForVerb(T(nameof(Strings.RecogniseButton)), Verbs.RecogniseStart), reportBlocker]);
    }
}
