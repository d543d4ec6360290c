using KindnessBot.Core.Commitments;

namespace KindnessBot.Core.Measures;

/// <summary>
/// Every metric the features count, by the commitment it tells about. Names are lower-case letters, digits and
/// underscores (they become property names of the week rows), and are stored: never rename one.
/// </summary>
public static class Metrics
{
    /// <summary>Recognitions given in (or to be celebrated in) a team; people are the givers.</summary>
    public const string Recognitions = "recognitions";

    public const string ReflectionPrompts = "reflection_prompts";

    /// <summary>Answers to a team's prompt, in the prompt's week; people are the answerers (one per prompt each).</summary>
    public const string ReflectionAnswers = "reflection_answers";

    /// <summary>How many answers carry a wellbeing score, and the scores' total (so the week's average is total over scores).</summary>
    public const string WellbeingScores = "wellbeing_scores";

    public const string WellbeingTotal = "wellbeing_total";

    /// <summary>Permission statements posted to a team; people are the leaders.</summary>
    public const string PermissionsIssued = "permissions_issued";

    /// <summary>Statements marked read; people are the readers (once each per statement).</summary>
    public const string PermissionsRead = "permissions_read";

    /// <summary>Statements that at least one flexible decision used that week (each statement once a week).</summary>
    public const string PermissionsUsed = "permissions_used";

    public const string DecisionsWithStatement = "decisions_with_statement";

    public const string DecisionsWithoutStatement = "decisions_without_statement";

    /// <summary>Blockers raised; people are the reporters (anonymous ones too, by a keyed tag).</summary>
    public const string BlockersRaised = "blockers_raised";

    public const string BlockersChanged = "blockers_changed";

    public const string BlockersNotChanging = "blockers_not_changing";

    /// <summary>The longest wait kept exactly in the days-to-change histogram; longer waits are counted at this many days.</summary>
    public const int LongestChangeDays = 90;

    /// <summary>A recognition's count under one commitment ("recognitions_listening").</summary>
    public static string RecognitionsFor(Commitment commitment) => Recognitions + "_" + commitment.ToString().ToLowerInvariant();

    /// <summary>The histogram bucket of blockers changed after <paramref name="days"/> days ("blockers_change_days_3").</summary>
    public static string ChangeDays(int days) => "blockers_change_days_" + Math.Clamp(days, 0, LongestChangeDays);

    /// <summary>The days of a histogram bucket's name, or null when the metric is not one.</summary>
    public static int? ChangeDaysOf(string metric) =>
        metric.StartsWith("blockers_change_days_", StringComparison.Ordinal) && int.TryParse(metric.AsSpan("blockers_change_days_".Length), System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : null;
}
