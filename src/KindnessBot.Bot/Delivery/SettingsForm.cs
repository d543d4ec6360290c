using System.Globalization;
using KindnessBot.Bot.Routing;

namespace KindnessBot.Bot.Delivery;

/// <summary>
/// What "Save my settings" sends, parsed and checked: quiet hours as HH:mm, weekends quiet or not, a pause of 1, 2 or 4 weeks
/// from now, none (0, which ends a pause) or the current one kept (-1), and for each kind of nudge people may turn off, whether it stays on ("optout.{kind}" toggles).
/// A kind whose toggle the card does not have at all (a card sent before that kind existed) is <see cref="Unchanged"/>:
/// saving that card keeps what the person chose for it, rather than refusing the whole card.
/// </summary>
internal sealed record SettingsForm(TimeOnly QuietFrom, TimeOnly QuietUntil, bool WeekendsQuiet, int PauseWeeks, IReadOnlySet<string> OptedOut, IReadOnlySet<string> Unchanged)
{
    public const string From = "quietFrom";
    public const string Until = "quietUntil";
    public const string Weekends = "weekendsQuiet";
    public const string Pause = "pauseWeeks";
    public const string OptOutPrefix = "optout.";

    public const int KeepPause = -1;

    public static readonly int[] PauseChoices = [KeepPause, 0, 1, 2, 4];

    public static Parsed<SettingsForm> Read(SubmitPayload payload, IEnumerable<string> optOutKinds)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var from = Time(payload, From);
        var until = Time(payload, Until);
        var weekends = Toggle(payload, Weekends);
        var pause = payload.Number(Pause, KeepPause, 4);
        if (!from.IsValid || !until.IsValid)
        {
            return Parsed<SettingsForm>.Invalid((from.Problem ?? until.Problem)!);
        }

        if (!weekends.IsValid || !pause.IsValid || !PauseChoices.Contains(pause.Value))
        {
            return Parsed<SettingsForm>.Invalid(weekends.Problem ?? "pauseWeeks must be -1, 0, 1, 2 or 4");
        }

        var optedOut = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in optOutKinds)
        {
            if (!payload.Has(OptOutPrefix + kind))
            {
                unchanged.Add(kind);
                continue;
            }

            var on = Toggle(payload, OptOutPrefix + kind);
            if (!on.IsValid)
            {
                return Parsed<SettingsForm>.Invalid(on.Problem!);
            }

            if (!on.Value)
            {
                optedOut.Add(kind);
            }
        }

        return Parsed<SettingsForm>.Valid(new SettingsForm(from.Value, until.Value, weekends.Value, pause.Value, optedOut, unchanged));
    }

    /// <summary>A toggle the card always sends: true or false, and missing is a problem (not a default).</summary>
    private static Parsed<bool> Toggle(SubmitPayload payload, string name)
    {
        var ifOn = payload.Flag(name, absent: true);
        var ifOff = payload.Flag(name, absent: false);
        return ifOn.IsValid && ifOn.Value != ifOff.Value ? Parsed<bool>.Invalid($"{name} is missing") : ifOn;
    }

    private static Parsed<TimeOnly> Time(SubmitPayload payload, string name)
    {
        var text = payload.Text(name, 8, required: true);
        return text.IsValid && TimeOnly.TryParseExact(text.Value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? Parsed<TimeOnly>.Valid(new TimeOnly(time.Hour, time.Minute))
            : Parsed<TimeOnly>.Invalid($"{name} must be a time such as 18:00");
    }
}
