using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.People;
using KindnessBot.Core.Recognition;

namespace KindnessBot.Bot.Recognition;

/// <summary>The form for recognising someone: who, what they did, which commitments, and whether to hope it is shared.</summary>
internal static class RecogniseCard
{
    public static AdaptiveCard Build(IReadOnlyList<Person> candidates, IReadOnlyList<(string TeamId, string Name)>? teams, string cardId, string? prefilledText, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(RecognitionText.RecogniseTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(T(nameof(RecognitionText.RecogniseIntro))) { IsSubtle = true },
            new InputChoiceSet("recipient", [.. candidates.Select(p => new Choice(p.Name, p.TeamsId))])
            {
                Label = T(nameof(RecognitionText.RecogniseWhoLabel)),
                Placeholder = T(nameof(RecognitionText.RecogniseWhoPlaceholder)),
                Style = "filtered",
                IsRequired = true,
                ErrorMessage = T(nameof(RecognitionText.RecogniseWhoError)),
            },
            new InputText("what")
            {
                Label = T(nameof(RecognitionText.RecogniseWhatLabel)),
                Placeholder = T(nameof(RecognitionText.RecogniseWhatPlaceholder)),
                IsMultiline = true,
                MaxLength = RecognitionOptions.MaxTextLength,
                IsRequired = true,
                ErrorMessage = T(nameof(RecognitionText.RecogniseWhatError)),
                Value = prefilledText,
            },
            new InputChoiceSet("commitments", [.. Enum.GetValues<Commitment>().Select(c => new Choice(c.Name(culture), c.ToString()))])
            {
                Label = T(nameof(RecognitionText.RecogniseCommitmentsLabel)),
                IsMultiSelect = true,
                Style = "expanded",
                IsRequired = true,
                ErrorMessage = T(nameof(RecognitionText.RecogniseCommitmentsError)),
            },
            new InputToggle("hopeToShare", T(nameof(RecognitionText.RecogniseShareToggle))) { Value = "true" },
        };
        if (teams is not null)
        {
            body.Add(new InputChoiceSet("celebrateIn", [new Choice(T(nameof(RecognitionText.RecogniseNoTeamChoice)), "none"), .. teams.Select(t => new Choice(t.Name, t.TeamId))])
            {
                Label = T(nameof(RecognitionText.RecogniseTeamLabel)),
                Style = "compact",
                Value = teams.Count > 0 ? teams[0].TeamId : "none",
            });
        }

        return new AdaptiveCard(body, [new SubmitAction(T(nameof(RecognitionText.RecogniseSubmit)), new Dictionary<string, object> { ["verb"] = RecognitionVerbs.Give, ["cardId"] = cardId })]);
    }
}
