using System.Globalization;
using Azure;
using Azure.Data.Tables;
using KindnessBot.Core.Storage;

namespace KindnessBot.Core.Delivery;

/// <summary>
/// Teams' per-conversation limits (7 messages in 1 s, 8 in 2 s, 60 in 30 s), kept for the whole fleet: each
/// conversation's recent send instants live in one Pacing row ("conv|{id}"), updated with an ETag-conditional
/// write, so two workers cannot both take the last place in a window. A reservation is checked against every
/// window that could contain it (sends up to a window's length either side), which is conservative.
/// </summary>
public sealed class ConversationPacer(DeliveryStorage storage)
{
    private static readonly (TimeSpan Window, int Limit)[] Limits =
    [
        (TimeSpan.FromSeconds(1), 7),
        (TimeSpan.FromSeconds(2), 8),
        (TimeSpan.FromSeconds(30), 60),
    ];

    private readonly TableClient _table = storage.Pacing;

    /// <summary>Reserves a send at <paramref name="at"/>; when the limits refuse it, the earliest instant worth trying again.</summary>
    public async Task<DateTimeOffset?> TryReserveAsync(string tenantId, string conversationId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var partition = TableKey.Encode(tenantId);
        var row = "conv|" + TableKey.Encode(conversationId);

        // Most fan-out sends go to a conversation with no recent sends: one insert, no read.
        try
        {
            await _table.AddEntityAsync(new TableEntity(partition, row) { ["Sends"] = Format([at]) }, cancellationToken);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }

        while (true)
        {
            var current = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            var sends = Parse(current.HasValue ? current.Value!.GetString("Sends") : null)
                .Where(t => t > at - Limits[^1].Window)
                .ToList();
            foreach (var (window, limit) in Limits)
            {
                var near = sends.Where(t => (t - at).Duration() < window).Order().ToList();
                if (near.Count >= limit)
                {
                    return near[^1] + window;
                }
            }

            sends.Add(at);
            var entity = new TableEntity(partition, row) { ["Sends"] = Format(sends) };
            if (await _table.TryAddOrReplaceAsync(entity, current, cancellationToken))
            {
                return null;
            }

            // Another worker sent to this conversation meanwhile: look again.
        }
    }

    private static string Format(IEnumerable<DateTimeOffset> sends) =>
        string.Join(',', sends.Select(t => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));

    private static IEnumerable<DateTimeOffset> Parse(string? sends) =>
        string.IsNullOrEmpty(sends)
            ? []
            : sends.Split(',').Select(s => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(s, CultureInfo.InvariantCulture)));
}
