using System.Globalization;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Cards.Permissions;

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

        return new AdaptiveCard(body, [SubmitAction.ForVerb(T("PermissionPreviewButton"), Verbs.PermissionPreview)]);
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The statement as the team will see it, with "Post it" carrying everything the form said.</summary>
internal static class StatementPreviewCard
{
    public static AdaptiveCard Build(PermissionStatement draft, IReadOnlyDictionary<string, object> post, CultureInfo culture)
    {
        var body = new List<CardElement> { new TextBlock(Localisation.Text("PermissionPreviewTitle", culture)) { Weight = TextWeight.Bolder } };
        body.Add(new Container(StatementCard.Describe(draft, DateOnly.MinValue, culture)) { Style = ContainerStyle.Emphasis });
        return new AdaptiveCard(body, [new SubmitAction(Localisation.Text("PermissionPostButton", culture), post)]);
    }
}

/// <summary>The statement in the channel: what, boundaries, dates, counts, state; updated in place.</summary>
internal static class StatementCard
{
    public static AdaptiveCard Build(PermissionStatement statement, DateOnly today, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = Describe(statement, today, culture);
        body.Add(new TextBlock(string.Format(culture, T("StatementCounts"), statement.ReadCount, statement.UsedCount)) { IsSubtle = true, Spacing = Spacing.Medium });
        var state = statement.StateOn(today);
        if (state is StatementState.Revoked or StatementState.Expired)
        {
            body.Add(new Container([new TextBlock(state == StatementState.Revoked ? T("StatementRevoked") : string.Format(culture, T("StatementExpired"), Day(statement.ValidUntil, culture))) { Weight = TextWeight.Bolder }]) { Style = ContainerStyle.Warning });
            return new AdaptiveCard(body);
        }

        Dictionary<string, object> Data(string verb) => new() { ["verb"] = verb, ["scope"] = statement.ScopeId, ["key"] = statement.Key };
        return new AdaptiveCard(
            body,
            [
                new SubmitAction(T("StatementReadButton"), Data(Verbs.PermissionRead)),
                new SubmitAction(T("StatementUsedButton"), Data(Verbs.PermissionUsed)),
                new SubmitAction(T("StatementExtendButton"), Data(Verbs.PermissionExtend)),
                new SubmitAction(T("StatementRevokeButton"), Data(Verbs.PermissionRevoke)),
            ]);
    }

    public static List<CardElement> Describe(PermissionStatement statement, DateOnly today, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        return
        [
            new RichTextBlock([new TextRun(string.Format(culture, T("StatementTitle"), statement.LeaderName)) { Weight = TextWeight.Bolder }]),
            RichTextBlock.Plain(statement.What),
            RichTextBlock.Plain(string.Format(culture, T("StatementBoundaries"), statement.Boundaries)),
            new TextBlock(string.Format(culture, T("StatementValidity"), Day(statement.ValidFrom, culture), Day(statement.ValidUntil, culture))) { IsSubtle = true },
            new TextBlock(string.Join(", ", statement.Commitments.Select(c => c.Name(culture)))) { IsSubtle = true, Spacing = Spacing.None },
        ];
    }

    public static string Day(DateOnly day, CultureInfo culture) => day.ToString("d MMMM yyyy", culture);
}

/// <summary>The leader's reminder, three days before a statement ends.</summary>
internal static class ReminderCard
{
    public static AdaptiveCard Build(PermissionStatement statement, CultureInfo culture) =>
        new(
            [
                new TextBlock(Localisation.Text("ReminderTitle", culture)) { Weight = TextWeight.Bolder },
                RichTextBlock.Plain(string.Format(culture, Localisation.Text("ReminderBody", culture), statement.What, StatementCard.Day(statement.ValidUntil, culture))),
            ],
            [new SubmitAction(Localisation.Text("StatementExtendButton", culture), new Dictionary<string, object> { ["verb"] = Verbs.PermissionExtend, ["scope"] = statement.ScopeId, ["key"] = statement.Key })]);
}
