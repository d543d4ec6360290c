using System.Text.Json;
using KindnessBot.Core.Delivery;

namespace KindnessBot.Core.Blockers;

/// <summary>
/// "Tell the reporter": what became of their blocker. A named reporter is reached in their own chat; an anonymous one
/// by the sealed address only the delivery path opens. <see cref="Change"/> numbers the blocker's changes, so a
/// blocker passed back to New is news again.
/// </summary>
public sealed record ReporterNotice(string TenantId, string BlockerId, BlockerStatus Status, string? Note, Recipient To, int Change)
{
    public const string Kind = "blocker-status";

    /// <summary>What the bot enqueues on the delivery path: once per change, as a nudge (quiet hours, pauses, opt-outs).</summary>
    public DeliveryRequest ToDeliveryRequest() =>
        new(TenantId, $"blocker|{BlockerId}|{Status}|{Change}", Kind, To, JsonSerializer.Serialize(new Payload(BlockerId, Status.ToString(), Note)))
        {
            Nudge = true,
        };

    internal static ReporterNotice? For(Blocker blocker) =>
        (blocker.ReporterId, blocker.SealedAddress) switch
        {
            ({ Length: > 0 } id, _) => new(blocker.TenantId, blocker.Id, blocker.Status, blocker.Outcome, Recipient.Person(id), blocker.History.Count),
            (_, { Length: > 0 } sealedAddress) => new(blocker.TenantId, blocker.Id, blocker.Status, blocker.Outcome, Recipient.Sealed(sealedAddress), blocker.History.Count),
            _ => null,
        };

    /// <summary>A notice's blocker, status and note, read back from its delivery payload; null for anything else.</summary>
    public static (string BlockerId, BlockerStatus Status, string? Note)? Read(string payload) =>
        DeliveryPayload.Read<Payload>(payload, p => p.BlockerId is { Length: > 0 } && Enum.GetNames<BlockerStatus>().Contains(p.Status, StringComparer.Ordinal)) is { } read
            ? (read.BlockerId, Enum.Parse<BlockerStatus>(read.Status), read.Note)
            : null;

    private sealed record Payload(string BlockerId, string Status, string? Note);
}
