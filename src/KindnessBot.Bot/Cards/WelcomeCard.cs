using KindnessBot.Bot.Resources;
using System.Globalization;
using KindnessBot.Core.Commitments;

namespace KindnessBot.Bot.Cards;

/// <summary>The first thing people see: what the Commitment to Kindness is and how the bot helps.</summary>
internal static class WelcomeCard
{
    /// <param name="statement">A team's own statement of what kindness means, shown as written after the title, or null.</param>
    public static AdaptiveCard Build(bool forTeam, string? statement, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var commitments = Enum.GetValues<Commitment>()
            .Select(c => new Fact(c.Name(culture), c.Summary(culture)))
            .ToList();
        IReadOnlyList<CardElement> ours = statement is null ? [] : [HelpCard.Statement(statement, culture)];

        return new AdaptiveCard(
            [
                new TextBlock(T(nameof(Strings.WelcomeTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                .. ours,
                new TextBlock(T(forTeam ? nameof(Strings.WelcomeTeamIntro) : nameof(Strings.WelcomePersonalIntro))),
                new Container(
                    [
                        new TextBlock(T(nameof(Strings.WelcomeCommitmentHeading))) { Weight = TextWeight.Bolder },
                        new FactSet(commitments),
                    ])
                { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium },
                new TextBlock(T(nameof(Strings.WelcomeHowIHelp))) { Spacing = Spacing.Medium },
                new TextBlock(T(forTeam ? nameof(Strings.WelcomeTeamQuietHours) : nameof(Strings.WelcomePersonalQuietHours))),
                new TextBlock(T(forTeam ? nameof(Strings.WelcomeTeamHowToTalk) : nameof(Strings.WelcomePersonalHowToTalk))) { IsSubtle = true },
            ],
            [SubmitAction.ForVerb(T(nameof(Strings.RecogniseButton)), Routing.Verbs.RecogniseStart), SubmitAction.ForVerb(T(nameof(Strings.ShowHelpButton)), Routing.Verbs.Help)]);
    }
}
