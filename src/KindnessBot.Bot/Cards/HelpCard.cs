using KindnessBot.Bot.Resources;
using System.Globalization;
using KindnessBot.Bot.Routing;

namespace KindnessBot.Bot.Cards;

/// <summary>Everything the bot answers, built from the commands that are registered, so it is never out of date.</summary>
internal static class HelpCard
{
    /// <param name="reportBlocker">The button that opens the blocker report form (a dialog where Teams opens one).</param>
    /// <param name="statement">The team's own statement of what kindness means (shown as written, first), or null.</param>
    public static AdaptiveCard Build(IEnumerable<ITextCommand> commands, bool inSharedConversation, CardAction reportBlocker, string? statement, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var rows = commands
            .Select(c => new Fact(c.Usage(culture), c.Describe(culture)))
            .ToList();

        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(Strings.HelpTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
        };
        if (statement is not null)
        {
            body.Add(Statement(statement, culture));
        }

        body.Add(new TextBlock(T(inSharedConversation ? nameof(Strings.HelpIntroShared) : nameof(Strings.HelpIntroPersonal))));
        body.Add(new FactSet(rows) { Spacing = Spacing.Medium });
        return new AdaptiveCard(
            body,
            [SubmitAction.ForVerb(T(nameof(Strings.RecogniseButton)), Verbs.RecogniseStart), reportBlocker]);
    }

    /// <summary>A team's own statement of what kindness means, as the help and welcome cards show it: as written, under its heading.</summary>
    public static Container Statement(string statement, CultureInfo culture) =>
        new([new TextBlock(Localisation.Text(nameof(Strings.HelpStatementHeading), culture)) { Weight = TextWeight.Bolder }, RichTextBlock.Plain(statement)]) { Style = ContainerStyle.Emphasis };
}
