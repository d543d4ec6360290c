namespace KindnessBot.Bot.Learning;

/// <summary>The Learning feature's card verbs.</summary>
public static class LearningVerbs
{
    /// <summary>A team's dashboard for 4 or 12 weeks ("team", "weeks").</summary>
    public const string Dashboard = "learning-dashboard";

    /// <summary>The organisation's dashboard, for admins ("weeks").</summary>
    public const string Organisation = "learning-organisation";

    /// <summary>A story of change's links, for a team's leader ("team", "weeks": 4, 12 or 52).</summary>
    public const string Story = "learning-story";
}
