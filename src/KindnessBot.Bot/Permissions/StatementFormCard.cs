using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>What a leader fills in to give permission: what, boundaries, dates, commitments (and, from a chat, which team).</summary>
internal static class StatementFormCard
{
    /// <summary>The teams offered from personal chat (in a team's own channel there is no choice to make).</summary>
    public const int MaxTeams = 20;

    public const int MaxTeamName = 80;

    /// <param name="cardId">This card's id, carried through the preview: it makes one statement, however often it is posted.</param>
    public static AdaptiveCard Build(DateOnly today, IReadOnlyList<(string TeamId, string Name)>? teams, string cardId, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(PermissionText.PermissionFormTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(T(nameof(PermissionText.PermissionFormIntro))) { IsSubtle = true },
            new InputText("what") { Label = T(nameof(PermissionText.PermissionWhatLabel)), Placeholder = T(nameof(PermissionText.PermissionWhatPlaceholder)), IsMultiline = true, MaxLength = PermissionStatement.MaxWhatLength, IsRequired = true, ErrorMessage = T(nameof(PermissionText.PermissionWhatError)) },
            new InputText("boundaries") { Label = T(nameof(PermissionText.PermissionBoundariesLabel)), Placeholder = T(nameof(PermissionText.PermissionBoundariesPlaceholder)), IsMultiline = true, MaxLength = PermissionStatement.MaxBoundariesLength, IsRequired = true, ErrorMessage = T(nameof(PermissionText.PermissionBoundariesError)) },
            new InputDate("from") { Label = T(nameof(PermissionText.PermissionFromLabel)), Value = Iso(today), Min = Iso(today), IsRequired = true, ErrorMessage = T(nameof(PermissionText.PermissionDatesError)) },
            new InputDate("until") { Label = T(nameof(PermissionText.PermissionUntilLabel)), Value = Iso(today.AddDays(90)), Min = Iso(today), IsRequired = true, ErrorMessage = T(nameof(PermissionText.PermissionDatesError)) },
            new InputChoiceSet("commitments", [.. Enum.GetValues<Commitment>().Select(c => new Choice(c.Name(culture), c.ToString()))])
            {
                Label = T(nameof(PermissionText.PermissionCommitmentsLabel)),
                IsMultiSelect = true,
                Style = "expanded",
                Value = nameof(Commitment.Permissive),
            },
        };
        if (teams is not null)
        {
            body.Add(new InputChoiceSet("team", [.. teams.Take(MaxTeams).Select(t => new Choice(ShortText.Of(t.Name, MaxTeamName), t.TeamId))]) { Label = T(nameof(PermissionText.PermissionTeamLabel)), Style = "compact", Value = teams.Count > 0 ? teams[0].TeamId : null, IsRequired = true, ErrorMessage = T(nameof(PermissionText.PermissionTeamLabel)) });
        }

        return new AdaptiveCard(body, [new SubmitAction(T(nameof(PermissionText.PermissionPreviewButton)), new Dictionary<string, object> { ["verb"] = PermissionVerbs.Preview, [PermissionCardId.Field] = cardId })]);
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
