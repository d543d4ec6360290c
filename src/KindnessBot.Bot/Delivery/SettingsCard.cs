using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Bot.Delivery;

/// <summary>
/// "My settings": when KindnessBot may send things nobody asked for just then (quiet hours in the person's own time
/// zone, weekends), a pause for leave or illness, and which kinds of nudge they want at all.
/// </summary>
internal static class SettingsCard
{
    public static AdaptiveCard Build(NudgeSettings settings, DeliveryOptions options, IReadOnlyList<(string Kind, string Label)> optOuts, string zone, DateTimeOffset now, string? notice, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var from = settings.QuietFrom ?? options.QuietFrom;
        var until = settings.QuietUntil ?? options.QuietUntil;
        var paused = settings.IsPaused(now)
            ? string.Format(culture, T(nameof(DeliveryText.SettingsPausedUntil)), settings.PausedUntil!.Value.ToString("dddd d MMMM", culture))
            : T(nameof(DeliveryText.SettingsNotPaused));
        List<CardElement> body =
        [
            new TextBlock(T(nameof(DeliveryText.SettingsTitle))) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
            RichTextBlock.Plain(string.Format(culture, T(nameof(DeliveryText.SettingsIntro)), zone)),
        ];
        if (notice is not null)
        {
            body.Add(RichTextBlock.Plain(notice));
        }

        body.Add(new InputTime(SettingsForm.From) { Label = T(nameof(DeliveryText.SettingsQuietFrom)), Value = from.ToString("HH:mm", CultureInfo.InvariantCulture) });
        body.Add(new InputTime(SettingsForm.Until) { Label = T(nameof(DeliveryText.SettingsQuietUntil)), Value = until.ToString("HH:mm", CultureInfo.InvariantCulture) });
        body.Add(new InputToggle(SettingsForm.Weekends, T(nameof(DeliveryText.SettingsWeekends))) { Value = settings.WeekendsQuiet ? "true" : "false" });
        body.Add(RichTextBlock.Plain(paused));
        List<Choice> pauses = settings.IsPaused(now) ? [new Choice(T(nameof(DeliveryText.SettingsPauseKeep)), "-1")] : [];
        body.Add(new InputChoiceSet(SettingsForm.Pause,
        [
            .. pauses,
            new Choice(T(nameof(DeliveryText.SettingsPauseNone)), "0"),
            new Choice(T(nameof(DeliveryText.SettingsPauseOne)), "1"),
            new Choice(T(nameof(DeliveryText.SettingsPauseTwo)), "2"),
            new Choice(T(nameof(DeliveryText.SettingsPauseFour)), "4"),
        ]) { Label = T(nameof(DeliveryText.SettingsPauseLabel)), Value = settings.IsPaused(now) ? "-1" : "0", Style = "compact" });
        body.Add(new TextBlock(T(nameof(DeliveryText.SettingsKindsTitle))) { Weight = TextWeight.Bolder });
        foreach (var (kind, label) in optOuts)
        {
            body.Add(new InputToggle(SettingsForm.OptOutPrefix + kind, label) { Value = settings.OptedOut.Contains(kind) ? "false" : "true" });
        }

        return new AdaptiveCard(body, [SubmitAction.ForVerb(T(nameof(DeliveryText.SettingsSave)), DeliveryVerbs.SaveSettings)]);
    }
}
