using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Reflection;

namespace KindnessBot.Bot.Reflection;

/// <summary>A team's reflection as it stands, with the leader's buttons.</summary>
internal static class ReflectionStatusCard
{
    public static AdaptiveCard Build(ReflectionSchedule schedule, PromptSlot? next, string? notice, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement> { new TextBlock(T(nameof(ReflectionText.ReflectionTitle))) { Weight = TextWeight.Bolder } };
        if (notice is not null)
        {
            body.Add(RichTextBlock.Plain(notice));
        }

        body.Add(new TextBlock(Describe(schedule, culture)) { Spacing = Spacing.Medium });
        body.Add(new TextBlock(next is null ? T(nameof(ReflectionText.ReflectionPausedText)) : string.Format(culture, T(nameof(ReflectionText.ReflectionNext)), When(schedule, next, culture))) { IsSubtle = next is not null });
        if (schedule.CreatedByName is { Length: > 0 } by)
        {
            body.Add(RichTextBlock.Plain(string.Format(culture, T(nameof(ReflectionText.ReflectionSetBy)), by)));
        }

        Dictionary<string, object> Data(string verb) => new() { ["verb"] = verb, ["team"] = schedule.TeamId };
        return new AdaptiveCard(
            body,
            [
                schedule.Paused ? new SubmitAction(T(nameof(ReflectionText.ReflectionResumeButton)), Data(ReflectionVerbs.Resume)) : new SubmitAction(T(nameof(ReflectionText.ReflectionPauseButton)), Data(ReflectionVerbs.Pause)),
                new SubmitAction(T(nameof(ReflectionText.ReflectionSkipButton)), Data(ReflectionVerbs.Skip)),
                new SubmitAction(T(nameof(ReflectionText.ReflectionChangeButton)), Data(ReflectionVerbs.Change)),
            ]);
    }

    public static string Describe(ReflectionSchedule schedule, CultureInfo culture) =>
        string.Format(
            culture,
            Localisation.Text(nameof(ReflectionText.ReflectionSchedule), culture),
            culture.DateTimeFormat.GetDayName(schedule.Day),
            schedule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            schedule.TimeZoneId,
            string.Join(", ", schedule.Commitments.Select(c => c.Name(culture))));

    /// <summary>"on Tuesday 1 December at 09:30 (Europe/London)".</summary>
    public static string When(ReflectionSchedule schedule, PromptSlot slot, CultureInfo culture) =>
        string.Format(culture, Localisation.Text(nameof(ReflectionText.ReflectionWhen), culture), slot.LocalDate.ToString("dddd d MMMM", culture), schedule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture), schedule.TimeZoneId);
}
