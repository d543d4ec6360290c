using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>The statement in the channel: what, boundaries, dates, counts, state; updated in place.</summary>
internal static class StatementCard
{
    public static AdaptiveCard Build(PermissionStatement statement, DateOnly today, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = Describe(statement, today, culture);
        body.Add(new TextBlock(string.Format(culture, T(nameof(PermissionText.StatementCounts)), statement.ReadCount, statement.UsedCount)) { IsSubtle = true, Spacing = Spacing.Medium });
        var state = statement.StateOn(today);
        if (state is StatementState.Revoked or StatementState.Expired)
        {
            body.Add(new Container([new TextBlock(state == StatementState.Revoked ? T(nameof(PermissionText.StatementRevoked)) : string.Format(culture, T(nameof(PermissionText.StatementExpired)), Day(statement.ValidUntil, culture))) { Weight = TextWeight.Bolder }]) { Style = ContainerStyle.Warning });
            return new AdaptiveCard(body);
        }

        Dictionary<string, object> Data(string verb) => new() { ["verb"] = verb, ["scope"] = statement.ScopeId, [StatementButtonVerb.StatementField] = statement.Key };
        return new AdaptiveCard(
            body,
            [
                new SubmitAction(T(nameof(PermissionText.StatementReadButton)), Data(PermissionVerbs.Read)),
                new SubmitAction(T(nameof(PermissionText.StatementUsedButton)), Data(PermissionVerbs.Used)),
                new SubmitAction(T(nameof(PermissionText.StatementExtendButton)), Data(PermissionVerbs.Extend)),
                new SubmitAction(T(nameof(PermissionText.StatementRevokeButton)), Data(PermissionVerbs.Revoke)),
            ]);
    }

    public static List<CardElement> Describe(PermissionStatement statement, DateOnly today, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        return
        [
            new RichTextBlock([new TextRun(string.Format(culture, T(nameof(PermissionText.StatementTitle)), statement.LeaderName)) { Weight = TextWeight.Bolder }]),
            RichTextBlock.Plain(statement.What),
            RichTextBlock.Plain(string.Format(culture, T(nameof(PermissionText.StatementBoundaries)), statement.Boundaries)),
            new TextBlock(string.Format(culture, T(nameof(PermissionText.StatementValidity)), Day(statement.ValidFrom, culture), Day(statement.ValidUntil, culture))) { IsSubtle = true },
            new TextBlock(string.Join(", ", statement.Commitments.Select(c => c.Name(culture)))) { IsSubtle = true, Spacing = Spacing.None },
        ];
    }

    public static string Day(DateOnly day, CultureInfo culture) => day.ToString("d MMMM yyyy", culture);
}
