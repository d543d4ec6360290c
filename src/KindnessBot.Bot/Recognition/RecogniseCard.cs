using System.Globalization;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.People;
using KindnessBot.Core.Recognition;
using KindnessBot.Bot.Cards;

namespace KindnessBot.Bot.Recognition;

/// <summary>The form for recognising someone: who, what they did, which commitments, and whether to hope it is shared.</summary>
internal static class RecogniseCard
{
    public static AdaptiveCard Build(IReadOnlyList<Person> candidates, IReadOnlyList<(string TeamId, string Name)>? teams, string cardId, string? prefilledText, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T("RecogniseTitle")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(T("RecogniseIntro")) { IsSubtle = true },
            new InputChoiceSet("recipient", [.. candidates.Select(p => new Choice(p.Name, p.TeamsId))])
            {
                Label = T("RecogniseWhoLabel"),
                Placeholder = T("RecogniseWhoPlaceholder"),
                Style = "filtered",
                IsRequired = true,
                ErrorMessage = T("RecogniseWhoError"),
            },
            new InputText("what")
            {
                Label = T("RecogniseWhatLabel"),
                Placeholder = T("RecogniseWhatPlaceholder"),
                IsMultiline = true,
                MaxLength = RecognitionOptions.MaxTextLength,
                IsRequired = true,
                ErrorMessage = T("RecogniseWhatError"),
                Value = prefilledText,
            },
            new InputChoiceSet("commitments", [.. Enum.GetValues<Commitment>().Select(c => new Choice(c.Name(culture), c.ToString()))])
            {
                Label = T("RecogniseCommitmentsLabel"),
                IsMultiSelect = true,
                Style = "expanded",
                IsRequired = true,
                ErrorMessage = T("RecogniseCommitmentsError"),
            },
            new InputToggle("hopeToShare", T("RecogniseShareToggle")) { Value = "true" },
        };
        if (teams is not null)
        {
            body.Add(new InputChoiceSet("celebrateIn", [new Choice(T("RecogniseNoTeamChoice"), "none"), .. teams.Select(t => new Choice(t.Name, t.TeamId))])
            {
                Label = T("RecogniseTeamLabel"),
                Style = "compact",
                Value = teams.Count > 0 ? teams[0].TeamId : "none",
            });
        }

        return new AdaptiveCard(body, [new SubmitAction(T("RecogniseSubmit"), new Dictionary<string, object> { ["verb"] = RecognitionVerbs.Give, ["cardId"] = cardId })]);
    }
}
