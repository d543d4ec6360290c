namespace KindnessBot.Core.Retention;

/// <summary>What is old enough to go: rows dated before <see cref="Before"/>, and audit entries before <see cref="AuditBefore"/>.</summary>
public sealed record RetentionCutoff(DateTimeOffset Before, DateTimeOffset AuditBefore)
{
    public static RetentionCutoff At(DateTimeOffset now, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(now - options.Period, now - options.AuditPeriod);
    }
}
