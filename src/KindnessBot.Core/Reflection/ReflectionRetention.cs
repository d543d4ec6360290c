using KindnessBot.Core.Retention;

namespace KindnessBot.Core.Reflection;

/// <summary>
/// Answers go by the day they were last changed, prompt slots by when the prompt was claimed. Schedules are a team's
/// settings, not dated records, and stay while the team uses them; the send pacing rows are overwritten as sends go.
/// </summary>
public static class ReflectionRetention
{
    public static IRetentionSweep Answers(ReflectionStorage storage) =>
        new TableRetention(Checked(storage).Answers, ReflectionStorage.AnswersName, c => [TableRetention.DatedBefore("UpdatedAt", c.Before)]);

    public static IRetentionSweep Slots(ReflectionStorage storage) =>
        new TableRetention(Checked(storage).Slots, ReflectionStorage.SlotsName, c => [TableRetention.DatedBefore("ClaimedAt", c.Before)]);

    private static ReflectionStorage Checked(ReflectionStorage storage) => storage ?? throw new ArgumentNullException(nameof(storage));
}
