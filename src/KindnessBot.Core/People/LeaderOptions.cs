namespace KindnessBot.Core.People;

public sealed class LeaderOptions
{
    public const string Section = "Leaders";

    /// <summary>Teams user ids or Entra object ids of people who lead everywhere in the organisation (admins).</summary>
    public IList<string> Admins { get; } = [];

    /// <summary>True when the person (by Teams id or Entra object id) is one of the configured admins.</summary>
    public bool IsAdmin(string userId, string? aadObjectId) =>
        Admins.Any(a => string.Equals(a, userId, StringComparison.Ordinal) || (aadObjectId is not null && string.Equals(a, aadObjectId, StringComparison.OrdinalIgnoreCase)));
}
