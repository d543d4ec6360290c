namespace KindnessBot.Core.Roles;

/// <summary>Configuration of roles (section "Leaders"). Without Graph settings no directory is ever asked.</summary>
public sealed class LeaderOptions
{
    public const string Section = "Leaders";

    /// <summary>Teams user ids or Entra object ids of people who lead everywhere in the organisation (admins).</summary>
    public IList<string> Admins { get; } = [];

    /// <summary>An Entra group whose members are admins too (asked through Microsoft Graph); null for none.</summary>
    public string? AdminGroupId { get; set; }

    /// <summary>When true, the owners of a team's Microsoft 365 group (asked through Microsoft Graph) lead it too.</summary>
    public bool TeamOwnersLead { get; set; }

    /// <summary>True when something needs Microsoft Graph.</summary>
    public bool UsesGraph => !string.IsNullOrWhiteSpace(AdminGroupId) || TeamOwnersLead;

    /// <summary>True when the person (by Teams id or Entra object id) is one of the configured admins.</summary>
    public bool IsConfiguredAdmin(string userId, string? aadObjectId) =>
        Admins.Any(a => string.Equals(a, userId, StringComparison.Ordinal) || (aadObjectId is not null && string.Equals(a, aadObjectId, StringComparison.OrdinalIgnoreCase)));
}
