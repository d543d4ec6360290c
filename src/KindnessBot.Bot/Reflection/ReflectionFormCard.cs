using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Reflection;

namespace KindnessBot.Bot.Reflection;

/// <summary>What a leader fills in to set up (or change) a team's weekly reflection.</summary>
internal static class ReflectionFormCard
{
    public static readonly int[] OpenForChoices = [1, 2, 3, 4, 5, 6, 7];

    /// <param name="current">The schedule being changed, or null for a first set-up.</param>
    /// <param name="suggestedZone">The zone the leader's Teams client reported (localTimezone), if any.</param>
    /// <param name="teamId">From personal chat, the team being changed, carried by the save button.</param>
    public static AdaptiveCard Build(ReflectionSchedule? current, string? suggestedZone, string? teamId, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var days = Enumerable.Range(0, 7).Select(i => (DayOfWeek)((i + 1) % 7)); // Monday first
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(ReflectionText.ReflectionTitle))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(T(nameof(ReflectionText.ReflectionFormIntro))) { IsSubtle = true },
            new InputChoiceSet("day", [.. days.Select(d => new Choice(culture.DateTimeFormat.GetDayName(d), d.ToString()))])
            {
                Label = T(nameof(ReflectionText.ReflectionDayLabel)), Style = "compact", Value = (current?.Day ?? DayOfWeek.Monday).ToString(), IsRequired = true, ErrorMessage = T(nameof(ReflectionText.ReflectionDayLabel)),
            },
            new InputTime("time") { Label = T(nameof(ReflectionText.ReflectionTimeLabel)), Value = (current?.LocalTime ?? new TimeOnly(9, 30)).ToString("HH:mm", CultureInfo.InvariantCulture), IsRequired = true, ErrorMessage = T(nameof(ReflectionText.ReflectionTimeError)) },
            new InputText("zone") { Label = T(nameof(ReflectionText.ReflectionZoneLabel)), Value = current?.TimeZoneId ?? suggestedZone ?? "Europe/London", MaxLength = 64, IsRequired = true, ErrorMessage = T(nameof(ReflectionText.ReflectionZoneError)) },
            new InputChoiceSet("commitments", [.. Enum.GetValues<Commitment>().Select(c => new Choice(c.Name(culture), c.ToString()))])
            {
                Label = T(nameof(ReflectionText.ReflectionCommitmentsLabel)),
                IsMultiSelect = true,
                Style = "expanded",
                Value = string.Join(',', current?.Commitments ?? Enum.GetValues<Commitment>()),
            },
            new InputChoiceSet("openFor", [.. OpenForChoices.Select(d => new Choice(d == 1 ? T(nameof(ReflectionText.ReflectionOpenForOneDay)) : string.Format(culture, T(nameof(ReflectionText.ReflectionOpenForDays)), d), d.ToString(CultureInfo.InvariantCulture)))])
            {
                Label = T(nameof(ReflectionText.ReflectionOpenForLabel)), Style = "compact", Value = ((int)(current?.OpenFor ?? ReflectionSchedule.DefaultOpenFor).TotalDays).ToString(CultureInfo.InvariantCulture),
            },
        };
        var save = new Dictionary<string, object> { ["verb"] = ReflectionVerbs.SetUp };
        if (teamId is not null)
        {
            save["team"] = teamId;
        }

        return new AdaptiveCard(body, [new SubmitAction(T(nameof(ReflectionText.ReflectionSaveButton)), save)]);
    }
}
