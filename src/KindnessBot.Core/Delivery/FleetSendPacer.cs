using System.Collections.Concurrent;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Delivery;

/// <summary>
/// Keeps the whole fleet's sends to one tenant under the per-app ceiling, however many workers run.
///
/// Design: every send needs a send slot, an instant on a timeline shared through Table Storage. Each tenant has
/// one cursor entity (Pacing table, RowKey "app-cursor") holding the next free slot. A worker claims a few
/// slots at once with an ETag-conditional write that moves the cursor forward by n × spacing (spacing =
/// 1 / (ceiling × headroom)); a 412 means another worker moved it first, so it reads and tries again. Claimed
/// slots never overlap, so all the fleet's sends are at least one spacing apart. A worker sends at its slot, or
/// gives the slot up if it is more than <see cref="DeliveryOptions.SlotTolerance"/> late (a pause, a GC), so
/// no burst can build up: any one-second window holds at most ⌊(1 s + tolerance) / spacing⌋ + 1 sends, below
/// the ceiling with the default headroom. Slots are claimed at most <see cref="DeliveryOptions.MaxClaimAhead"/>
/// ahead, so a worker that dies wastes at most that much of the ceiling. The cost is one read and one write
/// per claim of up to <see cref="DeliveryOptions.SlotsPerClaim"/> slots. Clock skew between instances
/// counts against the headroom (4% of one second, 40 ms, by default).
/// </summary>
public sealed class FleetSendPacer(DeliveryStorage storage, DeliveryOptions options, TimeProvider time)
{
    private const string CursorRow = "app-cursor";
    // A new slot starts at least this far ahead, leaving time for the conversation check before it comes.
    private static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(100);

    private readonly TableClient _table = storage.Pacing;
    private readonly ConcurrentDictionary<string, TenantSlots> _tenants = new();

    /// <summary>Send slots given up because the worker was too late for them.</summary>
    public long Wasted => _tenants.Values.Sum(t => Interlocked.Read(ref t.Wasted));

    /// <summary>Returns at the instant this instance may send one message to the tenant.</summary>
    public async Task<DateTimeOffset> WaitForSlotAsync(string tenantId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var slot = await NextSlotAsync(tenantId, cancellationToken);
            if (await WaitUntilAsync(tenantId, slot, cancellationToken))
            {
                return slot;
            }
        }
    }

    /// <summary>
    /// Claims the next send slot for this instance without waiting for it, so the caller can do its own checks
    /// (the conversation's limits) before the slot comes, and send the moment it does.
    /// </summary>
    public Task<DateTimeOffset> NextSlotAsync(string tenantId, CancellationToken cancellationToken) =>
        TakeAsync(tenantId, _tenants.GetOrAdd(tenantId, _ => new TenantSlots()), cancellationToken);

    /// <summary>Waits for a claimed slot; false (the slot is given up) when this instance is too late for it.</summary>
    public async Task<bool> WaitUntilAsync(string tenantId, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var wait = slot - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        if (time.GetUtcNow() - slot <= options.SlotTolerance)
        {
            return true;
        }

        Interlocked.Increment(ref _tenants.GetOrAdd(tenantId, _ => new TenantSlots()).Wasted);
        return false;
    }

    private async Task<DateTimeOffset> TakeAsync(string tenantId, TenantSlots tenant, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref tenant.Waiting);
        await tenant.Gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                while (tenant.Slots.TryPeek(out var first) && now - first > options.SlotTolerance)
                {
                    tenant.Slots.Dequeue();
                    Interlocked.Increment(ref tenant.Wasted);
                }

                if (tenant.Slots.TryDequeue(out var slot))
                {
                    return slot;
                }

                var wanted = Math.Clamp(Volatile.Read(ref tenant.Waiting), 1, options.SlotsPerClaim);
                foreach (var claimed in await ClaimAsync(tenantId, wanted, cancellationToken))
                {
                    tenant.Slots.Enqueue(claimed);
                }
            }
        }
        finally
        {
            tenant.Gate.Release();
            Interlocked.Decrement(ref tenant.Waiting);
        }
    }

    /// <summary>Moves the tenant's shared cursor forward by <paramref name="count"/> slots; the slots claimed.</summary>
    internal async Task<IReadOnlyList<DateTimeOffset>> ClaimAsync(string tenantId, int count, CancellationToken cancellationToken)
    {
        var spacing = options.SendSpacing.Ticks;
        var partition = TableKey.Encode(tenantId);
        while (true)
        {
            var current = await _table.GetEntityIfExistsAsync<TableEntity>(partition, CursorRow, cancellationToken: cancellationToken);
            var now = time.GetUtcNow();
            var next = current.HasValue ? current.Value!.GetInt64("Next") ?? 0 : 0;
            var start = Math.Max(next, (now + Lead).UtcTicks);
            var ahead = TimeSpan.FromTicks(start - now.UtcTicks) - options.MaxClaimAhead;
            if (ahead > TimeSpan.Zero)
            {
                await Task.Delay(ahead, time, cancellationToken);
                continue;
            }

            var entity = new TableEntity(partition, CursorRow) { ["Next"] = start + (count * spacing) };
            if (!await _table.TryAddOrReplaceAsync(entity, current, cancellationToken))
            {
                continue; // another worker moved the cursor first
            }

            return [.. Enumerable.Range(0, count).Select(i => new DateTimeOffset(start + (i * spacing), TimeSpan.Zero))];
        }
    }

    private sealed class TenantSlots : IDisposable
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public readonly Queue<DateTimeOffset> Slots = new();
        public int Waiting;
        public long Wasted;

        public void Dispose() => Gate.Dispose();
    }
}
