namespace KindnessBot.Bot.Cards;

/// <summary>A team's own statement of what kindness means, for the shared cards (help) in its conversation; null when it has none.</summary>
public interface ITeamStatement
{
    Task<string?> ForAsync(string tenantId, string scopeId, CancellationToken cancellationToken);
}
