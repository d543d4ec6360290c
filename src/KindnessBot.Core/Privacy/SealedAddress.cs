namespace KindnessBot.Core.Privacy;

/// <summary>
/// Where to reach a person who acted anonymously (their Teams user id), sealed. A feature stores only the sealed value
/// and hands it to the delivery path as <c>Recipient.Sealed</c>; only the delivery path opens it, at the moment of
/// sending, and never writes what it opened anywhere (no outbox row, pacing record, day row or log holds the person).
/// </summary>
public sealed class SealedAddress
{
    private const string Purpose = "delivery-address";
    private readonly Sealer _sealer;

    internal SealedAddress(Sealer sealer) => _sealer = sealer;

    public string Seal(string tenantId, string teamsUserId)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamsUserId);
        return _sealer.Seal(tenantId, Purpose, teamsUserId);
    }

    /// <summary>The person's Teams user id, or null when the value is not a sealed address of this tenant.</summary>
    internal string? Open(string tenantId, string sealedAddress) => _sealer.Open(tenantId, Purpose, sealedAddress);
}
