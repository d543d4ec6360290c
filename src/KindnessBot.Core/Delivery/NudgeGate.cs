namespace KindnessBot.Core.Delivery;

/// <summary>
/// The send lease, and the wellbeing rules for nudges. A nudge waits for the end of the person's quiet hours and pause,
/// is dropped if they turned its kind off or it would expire first, and takes one of the person's nudges for their day
/// (<see cref="DeliveryOptions.NudgesPerDay"/>): the day row and the leases on every nudge waiting for them (up to
/// <see cref="DeliveryOptions.DigestLimit"/>, folded into one digest) are written in one batch, so two workers can never
/// both take the last nudge of a day. A nudge that finds the day used waits for the person's next day. A nudge to a
/// sealed address keeps the person's quiet hours, pause and opt-outs (read, never written) but takes no day row.
/// </summary>
public sealed class NudgeGate(OutboxStore outbox, NudgeSettingsStore settings, QuietHours quiet, DeliveryOptions options, TimeProvider time)
{
    private static readonly TimeSpan Contended = TimeSpan.FromSeconds(1);

    public async Task<LeaseResult> LeaseAsync(OutboxEntry entry, Conversations.ConversationRecord to, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = time.GetUtcNow();
        (string, object?)[] Lease(OutboxEntry e) =>
            [("State", nameof(DeliveryState.Sending)), ("SendingBy", instanceId), ("SendingUntil", now + options.SendLease), ("Attempts", e.Attempts + 1)];

        if (!entry.Request.Nudge || entry.Request.To.Kind == RecipientKind.Conversation)
        {
            return await LeaseEachAsync([entry], Lease, cancellationToken) is { Count: 1 } one ? LeaseResult.Go(one) : LeaseResult.Wait(Contended);
        }

        ArgumentNullException.ThrowIfNull(to);
        var isSealed = entry.Request.To.Kind == RecipientKind.Sealed;
        var person = isSealed ? to.UserId ?? "" : entry.Request.To.Id;
        var mine = await settings.GetAsync(entry.TenantId, person, cancellationToken) with { TimeZoneId = to.TimeZoneId };
        if (mine.OptedOut.Contains(entry.Kind))
        {
            return LeaseResult.Drop("The person turned this kind of message off.");
        }

        var next = quiet.NextAllowed(mine, now);
        if (next > now)
        {
            return entry.Request.ExpiresAt <= next ? LeaseResult.Drop("It would have expired during the person's quiet hours or pause.") : LeaseResult.Wait(next - now);
        }

        // A sealed recipient's nudge takes no day row: a row under the person would say when they heard about what.
        if (options.NudgesPerDay <= 0 || isSealed)
        {
            return await LeaseEachAsync([entry], Lease, cancellationToken) is { Count: 1 } one ? LeaseResult.Go(one) : LeaseResult.Wait(Contended);
        }

        var day = quiet.LocalDay(mine, now);
        int? free = null;
        for (var n = 0; n < options.NudgesPerDay; n++)
        {
            var claimedFor = await outbox.DayClaimedForAsync(entry.TenantId, person, OutboxStore.DayRow(day, n), cancellationToken);
            if (claimedFor == entry.Key)
            {
                // A retry of a nudge that holds this day already: it goes again, with whatever is waiting now.
                var again = await LeaseEachAsync(await DueAsync(entry, mine, now, cancellationToken), Lease, cancellationToken);
                return again.Any(e => e.Key == entry.Key) ? LeaseResult.Go(again) : LeaseResult.Wait(Contended);
            }

            if (claimedFor is null)
            {
                free = n;
                break;
            }
        }

        if (free is not { } slot)
        {
            return LeaseResult.Wait(quiet.NextAllowed(mine, quiet.NextDayStarts(mine, day)) - now);
        }

        var due = await DueAsync(entry, mine, now, cancellationToken);
        var leased = await outbox.TryClaimDayAsync(entry.TenantId, person, OutboxStore.DayRow(day, slot), entry.Key, due, Lease, cancellationToken);
        return leased is null
            ? LeaseResult.Wait(Contended) // another worker took the day, or changed one of the messages, first
            : LeaseResult.Go([.. due.Select((e, i) => e with { ETag = leased[i], Attempts = e.Attempts + 1, State = DeliveryState.Sending })]);
    }

    /// <summary>Renews the leases of a batch about to be sent; null when another handler has taken any of it over.</summary>
    public async Task<IReadOnlyList<OutboxEntry>?> RenewAsync(IReadOnlyList<OutboxEntry> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var renewed = new List<OutboxEntry>();
        foreach (var e in batch)
        {
            if (await outbox.TryUpdateAsync(e, e.ETag, cancellationToken, ("SendingUntil", time.GetUtcNow() + options.SendLease)) is not { } tag)
            {
                return null;
            }

            renewed.Add(e with { ETag = tag });
        }

        return renewed;
    }

    /// <summary>Gives a batch's leases up (a transient failure, the conversation's limit): each waits for its queue message to come back.</summary>
    public async Task ReleaseAsync(IReadOnlyList<OutboxEntry> batch, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var e in batch)
        {
            await outbox.TryUpdateAsync(e, e.ETag, cancellationToken, ("State", nameof(DeliveryState.Waiting)), ("SendingUntil", time.GetUtcNow()), ("Reason", reason ?? ""));
        }
    }

    /// <summary>The nudges waiting for the person that may go now, this one first, at most a digest's worth.</summary>
    private async Task<IReadOnlyList<OutboxEntry>> DueAsync(OutboxEntry entry, NudgeSettings mine, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await outbox.ForPersonAsync(entry.TenantId, entry.Request.To.Id, DeliveryState.Waiting, cancellationToken);
        var own = waiting.FirstOrDefault(e => e.Key == entry.Key) ?? entry;
        var others = waiting.Where(e => e.Key != entry.Key && e.Request.Nudge && !(e.Request.ExpiresAt <= now) && !mine.OptedOut.Contains(e.Kind));
        return [own, .. others.Take(Math.Max(0, options.DigestLimit - 1))];
    }

    private async Task<IReadOnlyList<OutboxEntry>> LeaseEachAsync(IReadOnlyList<OutboxEntry> entries, Func<OutboxEntry, (string, object?)[]> lease, CancellationToken cancellationToken)
    {
        var leased = new List<OutboxEntry>();
        foreach (var e in entries)
        {
            if (await outbox.TryUpdateAsync(e, e.ETag, cancellationToken, lease(e)) is { } tag)
            {
                leased.Add(e with { ETag = tag, Attempts = e.Attempts + 1, State = DeliveryState.Sending });
            }
        }

        return leased;
    }
}

/// <summary>Whether a message may go now: the leased batch (the message, and nudges folded into its digest), a reason to drop it, or how long to wait.</summary>
public sealed record LeaseResult(IReadOnlyList<OutboxEntry>? Batch, string? Dropped, TimeSpan WaitFor)
{
    public static LeaseResult Go(IReadOnlyList<OutboxEntry> batch) => new(batch, null, TimeSpan.Zero);

    public static LeaseResult Drop(string reason) => new(null, reason, TimeSpan.Zero);

    public static LeaseResult Wait(TimeSpan wait) => new(null, null, wait);
}
