namespace KindnessBot.Core.Reflection;

/// <summary>The "Reflection" settings: the answer key, the background work, the scheduler and follow-up; the defaults suit production.</summary>
public sealed class ReflectionOptions
{
    public const string Section = "Reflection";

    /// <summary>
    /// At least 32 random bytes, base64: the key of the hash that lets a person change an anonymous answer without the
    /// answer keeping who they are (docs/privacy.md). Keep it in Key Vault or app settings; changing it means people
    /// cannot change answers they gave before.
    /// </summary>
    public string? AnswerSecret { get; set; }

    /// <summary>Whether this instance runs the scheduler and follow-up sweeps (tests that drive them step by step turn it off; the delivery worker has its own switch, `Delivery:Background`).</summary>
    public bool Background { get; set; } = true;

    /// <summary>How often each instance looks for due prompts and closed ones.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A prompt missed (downtime) is still sent this long after it was due; later, it is recorded as skipped.</summary>
    public TimeSpan LateWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A claim not followed through by its scheduler (it stopped between claim and enqueue) is taken over after this.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// When set, a sweep claims new prompts only while the prompt queues hold fewer messages than this; the rest
    /// wait for a later sweep (still within the late window). Unset in Azure, whose queues do not slow down with
    /// depth; set for Azurite, whose do.
    /// </summary>
    public int? MaxQueueDepth { get; set; }

    /// <summary>Schedules one scheduler instance handles at once during a sweep.</summary>
    public int SweepConcurrency { get; set; } = 8;
}
