namespace KindnessBot.Core.Delivery;

/// <summary>
/// The "Delivery" settings: Teams' limits as the whole fleet keeps them, the worker, retries, and the wellbeing rules
/// for personal nudges. The defaults suit production.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Whether this instance runs the delivery worker (tests that drive it step by step turn it off).</summary>
    public bool Background { get; set; } = true;

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

    /// <summary>How long a dequeued message stays invisible to other workers while one handles it.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>While a worker sends a message, no other worker may send it for this long.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Backoff after a transient failure: base × 2^(attempt-1), at most <see cref="MaxBackoff"/>, at least Retry-After.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a message goes to the poison queue and its feature is told.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long a message may wait for the change it announces to be stored (a feature records the message first):
    /// after this, the change never happened (refused, or its turn failed) and the message is dropped.
    /// </summary>
    public TimeSpan CauseGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages one worker handles at once.</summary>
    public int WorkerConcurrency { get; set; } = 32;

    /// <summary>
    /// Of <see cref="WorkerConcurrency"/>, how many a worker keeps for single messages (a consent request, a
    /// celebration), so a wave of weekly prompts never holds them up.
    /// </summary>
    public int ReservedForSingles { get; set; } = 4;

    /// <summary>Queue shards for waves (weekly prompts), spread by tenant so one tenant's wave waits only behind itself.</summary>
    public int WaveShards { get; set; } = DeliveryStorage.DefaultWaveShards;

    /// <summary>How long a worker waits after a round of empty polls (a message queued on this instance wakes it at once).</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The wait doubles with each idle round up to this, so an idle instance costs about one queue request a second
    /// rather than sixteen; a message queued on another instance may wait this long for an idle one.
    /// </summary>
    public TimeSpan MaxIdlePoll { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Unsolicited personal nudges one person gets in one of their days, at most; the rest wait and come as one digest. 0: no limit.</summary>
    public int NudgesPerDay { get; set; } = 1;

    /// <summary>Messages folded into one digest at most (Teams' message size); the rest come with the next.</summary>
    public int DigestLimit { get; set; } = 5;

    /// <summary>Whether quiet hours apply at all (tests of other features on the real clock turn them off).</summary>
    public bool QuietHours { get; set; } = true;

    /// <summary>Quiet hours of someone who has not chosen their own, in their own time zone.</summary>
    public TimeOnly QuietFrom { get; set; } = new(18, 0);

    public TimeOnly QuietUntil { get; set; } = new(8, 30);

    /// <summary>The time zone (IANA) of someone whose Teams client has not told us theirs yet.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/London";

    /// <summary>
    /// Install the app for a person who never opened it, so a message for them can be delivered (Microsoft Graph,
    /// TeamsAppInstallation.ReadWriteForUser.All, granted by an admin). Off by default: then the message waits until
    /// they talk to the bot.
    /// </summary>
    public bool InstallForPeople { get; set; }

    /// <summary>The app's id in the tenant's app catalog (Graph's teamsAppId), needed to install it for someone.</summary>
    public string? TeamsAppCatalogId { get; set; }

    /// <summary>The spacing between two sends of the fleet to one tenant.</summary>
    public TimeSpan SendSpacing => TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / (AppCeilingPerSecond * CeilingHeadroom)));
}
