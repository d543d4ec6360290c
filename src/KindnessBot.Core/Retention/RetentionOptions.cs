namespace KindnessBot.Core.Retention;

/// <summary>How long dated personal data is kept, and how the daily job goes about removing what is older.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Recognitions, decisions, statements, answers and prompt slots older than this are removed (two years by default).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(730);

    /// <summary>
    /// Audit entries are kept longer (six years by default, the usual span for records of who did what) and never less
    /// than <see cref="Period"/>: the log is how an organisation answers for its leaders' actions, erasures included.
    /// </summary>
    public TimeSpan AuditPeriod { get; set; } = TimeSpan.FromDays(6 * 365 + 1);

    /// <summary>Rows removed per table per step (at most 100, one storage batch).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Steps per table in one daily run; what is left waits for the next day.</summary>
    public int MaxBatchesPerTable { get; set; } = 1000;

    /// <summary>How long one daily run may take; what is left waits for the next day.</summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>False to leave this instance out of the daily run (a test that drives it itself).</summary>
    public bool Background { get; set; } = true;

    /// <summary>Why these settings cannot be used, or null when they can.</summary>
    public string? Problem() =>
        Period < TimeSpan.FromDays(30) || Period > TimeSpan.FromDays(3653) ? "Retention:Period must be from 30 days to 10 years (for example 730.00:00:00 for two years)."
        : AuditPeriod < Period || AuditPeriod > TimeSpan.FromDays(7305) ? "Retention:AuditPeriod must be at least Retention:Period and at most 20 years."
        : BatchSize is < 1 or > 100 ? "Retention:BatchSize must be from 1 to 100."
        : MaxBatchesPerTable is < 1 or > 100_000 ? "Retention:MaxBatchesPerTable must be from 1 to 100000."
        : TimeBudget <= TimeSpan.Zero || TimeBudget > TimeSpan.FromHours(1) ? "Retention:TimeBudget must be more than zero and at most an hour."
        : null;
}
