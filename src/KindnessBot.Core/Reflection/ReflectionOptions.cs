namespace KindnessBot.Core.Reflection;

/// <summary>The "Reflection" settings: the answer key, the background work, the scheduler and prompt workers; the defaults suit production.</summary>
public sealed class ReflectionOptions
{
    public const string Section = "Reflection";

    /// <summary>
    /// At least 32 random bytes, base64: the key of the hash that lets a person change an anonymous answer without the
    /// answer keeping who they are (docs/privacy.md). Keep it in Key Vault or app settings; changing it means people
    /// cannot change answers they gave before.
    /// </summary>
    public string? AnswerSecret { get; set; }

    /// <summary>Whether this instance runs the scheduler and prompt worker (tests that drive them step by step turn it off).</summary>
    public bool Background { get; set; } = true;

    /// <summary>How often each instance looks for due prompts and closed ones.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A prompt missed (downtime) is still sent this long after it was due; later, it is recorded as skipped.</summary>
    public TimeSpan LateWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A claim not followed through by its scheduler (it stopped between claim and enqueue) is taken over after this.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages per second the whole fleet may send to Teams for one tenant (Teams allows about 50).</summary>
    public double AppCeilingPerSecond { get; set; } = 50;

    /// <summary>
    /// Fraction of the ceiling actually used, so clock skew between instances and scheduling jitter cannot push
    /// a one-second window over the ceiling.
    /// </summary>
    public double CeilingHeadroom { get; set; } = 0.96;

    /// <summary>A send slot more than this late is given up (not used) and a new one claimed.</summary>
    public TimeSpan SlotTolerance { get; set; } = TimeSpan.FromMilliseconds(8);

    /// <summary>How far ahead of now a worker may claim send slots.</summary>
    public TimeSpan MaxClaimAhead { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Send slots claimed per storage write at most.</summary>
    public int SlotsPerClaim { get; set; } = 8;

    /// <summary>How long a dequeued prompt stays invisible to other workers while one handles it.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>While a worker sends a prompt, no other worker may send it for this long.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Backoff after a transient failure: base × 2^(attempt-1), at most <see cref="MaxBackoff"/>, at least Retry-After.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a prompt goes to the poison queue and is reported to admins.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// When set, a sweep claims new prompts only while the prompt queues hold fewer messages than this; the rest
    /// wait for a later sweep (still within the late window). Unset in Azure, whose queues do not slow down with
    /// depth; set for Azurite, whose do.
    /// </summary>
    public int? MaxQueueDepth { get; set; }

    /// <summary>Schedules one scheduler instance handles at once during a sweep.</summary>
    public int SweepConcurrency { get; set; } = 8;

    /// <summary>Prompts one worker handles at once.</summary>
    public int WorkerConcurrency { get; set; } = 32;

    /// <summary>Longest a worker waits between empty polls of the queue.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The spacing between two sends of the fleet to one tenant.</summary>
    public TimeSpan SendSpacing => TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / (AppCeilingPerSecond * CeilingHeadroom)));
}
