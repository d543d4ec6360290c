using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.People;

namespace KindnessBot.Bot.Leaders;

/// <summary>
/// A team's leaders, each with <i>Remove</i>, and <i>Add a leader</i> from its members, for a leader or an admin; the
/// names alone for anyone else. Names are plain text. The choice list is cut to a size that keeps the card well
/// inside Teams' 28 KB, whatever the names.
/// </summary>
internal static class LeadersCard
{
    public const int MaxCandidates = 40;

    /// <summary>Bytes of names and ids the choice list may hold (the leaders' part is bounded by their number).</summary>
    public const int CandidateBudget = 8_000;

    /// <summary>Names on this card are cut to this many characters: long enough to tell people apart.</summary>
    public const int NameLength = 80;

    public static AdaptiveCard Build(LeadersView view, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(LeaderText.LeadersTitle))) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
            RichTextBlock.Plain(Short(view.TeamName)),
        };
        if (view.Notice is { } notice)
        {
            body.Add(RichTextBlock.Plain(notice) with { Spacing = Spacing.Medium });
        }

        body.Add(new TextBlock(T(view.Leaders.Count == 0 ? nameof(LeaderText.LeadersNone) : nameof(LeaderText.LeadersIntro))) { IsSubtle = true });
        foreach (var leader in view.Leaders)
        {
            body.Add(view.CanChange
                ? new ColumnSet(
                [
                    new Column([RichTextBlock.Plain(Short(leader.Name))]),
                    new Column([new ActionSet([new SubmitAction(T(nameof(LeaderText.LeadersRemove)), new Dictionary<string, object> { ["verb"] = LeaderVerbs.Remove, ["team"] = view.ScopeId, ["person"] = leader.TeamsId })])]) { Width = "auto" },
                ])
                : RichTextBlock.Plain("• " + Short(leader.Name)));
        }

        if (!view.CanChange)
        {
            body.Add(new TextBlock(T(nameof(LeaderText.LeadersOnlyLeaders))) { IsSubtle = true, Spacing = Spacing.Medium });
            return new AdaptiveCard(body, null);
        }

        var choices = Choices(view.Candidates);
        if (choices.Count == 0)
        {
            body.Add(new TextBlock(T(nameof(LeaderText.LeadersNoCandidates))) { IsSubtle = true, Spacing = Spacing.Medium });
            return new AdaptiveCard(body, null);
        }

        body.Add(new InputChoiceSet("person", choices)
        {
            Label = T(nameof(LeaderText.LeadersAddLabel)),
            Style = "filtered",
            Placeholder = T(nameof(LeaderText.LeadersAddPlaceholder)),
            IsRequired = true,
            ErrorMessage = T(nameof(LeaderText.LeadersAddLabel)),
        });
        if (choices.Count < view.Candidates.Count)
        {
            body.Add(new TextBlock(T(nameof(LeaderText.LeadersMoreCandidates))) { IsSubtle = true });
        }

        return new AdaptiveCard(body, [new SubmitAction(T(nameof(LeaderText.LeadersAdd)), new Dictionary<string, object> { ["verb"] = LeaderVerbs.Add, ["team"] = view.ScopeId })]);
    }

    private static List<Choice> Choices(IReadOnlyList<Person> candidates)
    {
        var choices = new List<Choice>();
        var used = 0;
        foreach (var person in candidates.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            used += Short(person.Name).Sum(c => c < 128 ? 1 : 6) + person.TeamsId.Length + 32; // as sent: JSON escapes what is not ASCII
            if (choices.Count >= MaxCandidates || used > CandidateBudget)
            {
                break;
            }

            choices.Add(new Choice(Short(person.Name), person.TeamsId));
        }

        return choices;
    }

    private static string Short(string name) =>
        name.Length <= NameLength ? name : name[..(char.IsHighSurrogate(name[NameLength - 2]) ? NameLength - 2 : NameLength - 1)] + "…";
}
