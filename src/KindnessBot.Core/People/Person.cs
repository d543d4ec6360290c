namespace KindnessBot.Core.People;

/// <summary>
/// Someone in Teams, as the bot knows them: their Teams id, Entra object id, name and tenant, and, when read from a
/// roster, whether they are a guest (a guest never leads).
/// </summary>
public sealed record Person(string TeamsId, string? AadObjectId, string Name, string? TenantId, bool IsGuest = false)
{
    /// <summary>True when <paramref name="id"/> is this person's Teams id or Entra object id.</summary>
    public bool Is(string id) =>
        string.Equals(TeamsId, id, StringComparison.Ordinal) || (AadObjectId is not null && string.Equals(AadObjectId, id, StringComparison.OrdinalIgnoreCase));
}
