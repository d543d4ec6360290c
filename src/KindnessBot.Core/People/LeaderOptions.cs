namespace KindnessBot.Core.People;

public sealed class LeaderOptions
{
    public const string Section = "Leaders";

    /// <summary>Teams user ids or Entra object ids of people who lead everywhere in the organisation (admins).</summary>
    public IList<string> Admins { get; } = [];
}
