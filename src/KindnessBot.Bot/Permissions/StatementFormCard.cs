using System.Globalization;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Permissions;
using KindnessBot.Bot.Cards;

namespace KindnessBot.Bot.Permissions;

/// <summary>What a leader fills in to give permission: what, boundaries, dates, commitments (and, from a chat, which team).</summary>
internal static class StatementFormCard
{
    public static AdaptiveCard Build(DateOnly today, IReadOnlyList<(string TeamId, string Name)>? teams, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T("PermissionFormTitle")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(T("PermissionFormIntro")) { IsSubtle = true },
            new InputText("what") { Label = T("PermissionWhatLabel"), Placeholder = T("PermissionWhatPlaceholder"), IsMultiline = true, MaxLength = PermissionStatement.MaxWhatLength, IsRequired = true, ErrorMessage = T("PermissionWhatError") },
            new InputText("boundaries") { Label = T("PermissionBoundariesLabel"), Placeholder = T("PermissionBoundariesPlaceholder"), IsMultiline = true, MaxLength = PermissionStatement.MaxBoundariesLength, IsRequired = true, ErrorMessage = T("PermissionBoundariesError") },
            new InputDate("from") { Label = T("PermissionFromLabel"), Value = Iso(today), Min = Iso(today), IsRequired = true, ErrorMessage = T("PermissionDatesError") },
            new InputDate("until") { Label = T("PermissionUntilLabel"), Value = Iso(today.AddDays(90)), Min = Iso(today), IsRequired = true, ErrorMessage = T("PermissionDatesError") },
            new InputChoiceSet("commitments", [.. Enum.GetValues<Commitment>().Select(c => new Choice(c.Name(culture), c.ToString()))])
            {
                Label = T("PermissionCommitmentsLabel"),
                IsMultiSelect = true,
                Style = "expanded",
                Value = nameof(Commitment.Permissive),
            },
        };
        if (teams is not null)
        {
            body.Add(new InputChoiceSet("team", [.. teams.Select(t => new Choice(t.Name, t.TeamId))]) { Label = T("PermissionTeamLabel"), Style = "compact", Value = teams.Count > 0 ? teams[0].TeamId : null, IsRequired = true, ErrorMessage = T("PermissionTeamLabel") });
        }

        return new AdaptiveCard(body, [SubmitAction.ForVerb(T("PermissionPreviewButton"), PermissionVerbs.Preview)]);
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
