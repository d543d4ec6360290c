using KindnessBot.Bot.Resources;
using System.Globalization;

namespace KindnessBot.Bot.Cards;

/// <summary>A kind message for when something went wrong. It never carries exception text.</summary>
internal static class ErrorCard
{
    public static AdaptiveCard Build(string titleName, string bodyName, CultureInfo culture, bool offerHelp)
    {
        var card = new AdaptiveCard(
            [
                new Container(
                    [
                        new TextBlock(Localisation.Text(titleName, culture)) { Weight = TextWeight.Bolder },
                        new TextBlock(Localisation.Text(bodyName, culture)),
                    ])
                { Style = ContainerStyle.Warning },
            ],
            offerHelp ? [SubmitAction.ForVerb(Localisation.Text(nameof(Strings.ShowHelpButton), culture), Routing.Verbs.Help)] : null);
        return card;
    }
}
