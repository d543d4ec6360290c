using System.Globalization;
using KindnessBot.Core.Commitments;

namespace KindnessBot.Bot.Cards;

/// <summary>The first thing people see: what the Commitment to Kindness is and how the bot helps.</summary>
internal static class WelcomeCard
{
    public static AdaptiveCard Build(bool forTeam, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var commitments = Enum.GetValues<Commitment>()
            .Select(c => new Fact(c.Name(culture), c.Summary(culture)))
            .ToList();

        return new AdaptiveCard(
            [
                new TextBlock(T("WelcomeTitle")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(T(forTeam ? "WelcomeTeamIntro" : "WelcomePersonalIntro")),
                new Container(
                    [
                        new TextBlock(T("WelcomeCommitmentHeading")) { Weight = TextWeight.Bolder },
                        new FactSet(commitments),
                    ])
                { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium },
                new TextBlock(T("WelcomeHowIHelp")) { Spacing = Spacing.Medium },
                new TextBlock(T(forTeam ? "WelcomeTeamHowToTalk" : "WelcomePersonalHowToTalk")) { IsSubtle = true },
            ],
            [SubmitAction.ForVerb(T("RecogniseButton"), Routing.Verbs.RecogniseStart), SubmitAction.ForVerb(T("ShowHelpButton"), Routing.Verbs.Help)]);
    }
}
