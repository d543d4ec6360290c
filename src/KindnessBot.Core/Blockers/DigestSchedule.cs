namespace KindnessBot.Core.Blockers;

/// <summary>
/// A team's monthly "you said, we did": on <see cref="Day"/> of each month at <see cref="LocalTime"/> in the team's
/// <see cref="TimeZoneId"/>, the channel it was set in gets what changed and what will not change (and why) since the
/// last one. Days run 1 to 28, so every month has one.
/// </summary>
public sealed record DigestSchedule
{
    public static readonly TimeOnly LocalTime = new(9, 0);

    public required string TenantId { get; init; }

    public required string TeamId { get; init; }

    /// <summary>The channel (or group chat) it is posted in.</summary>
    public required string ConversationId { get; init; }

    public required int Day { get; init; }

    public required string TimeZoneId { get; init; }

    /// <summary>When the next one is due (UTC); its calendar row has the same instant.</summary>
    public required DateTimeOffset NextDue { get; init; }

    internal Azure.ETag ETag { get; init; }

    public static bool IsDay(int day) => day is >= 1 and <= 28;

    /// <summary>The first due moment after <paramref name="after"/>: that day at nine in the zone, this month or the next.</summary>
    public static DateTimeOffset NextAfter(int day, TimeZoneInfo zone, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(after, zone);
        var month = new DateOnly(local.Year, local.Month, 1);
        var due = At(month, day, zone);
        return due > after ? due : At(month.AddMonths(1), day, zone);
    }

    /// <summary>The due moment a month before <paramref name="due"/>: where the digest due then starts its period.</summary>
    public static DateTimeOffset MonthBefore(DateTimeOffset due, int day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(due, zone);
        return At(new DateOnly(local.Year, local.Month, 1).AddMonths(-1), day, zone);
    }

    private static DateTimeOffset At(DateOnly month, int day, TimeZoneInfo zone)
    {
        var local = new DateTime(month.Year, month.Month, day, LocalTime.Hour, LocalTime.Minute, 0, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1); // the clocks went forward over nine o'clock: the first moment after
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}

/// <summary>What a digest on the delivery path is about: a team, and the period it covers.</summary>
public sealed record DigestPeriod(string TenantId, string TeamId, DateTimeOffset Since, DateTimeOffset Until)
{
    public const string Kind = "blocker-digest";

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this);

    public static DigestPeriod? FromJson(string json) => Delivery.DeliveryPayload.Read<DigestPeriod>(json, p => p is { TenantId.Length: > 0, TeamId.Length: > 0 });
}
