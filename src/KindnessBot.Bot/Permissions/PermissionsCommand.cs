using KindnessBot.Bot.Routing;
using KindnessBot.Core.Permissions;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>"permissions": the statements in force for this person and the decisions they recorded, a page at a time.</summary>
internal sealed class PermissionsCommand(TurnScopes facts, PermissionService permissions, PermissionCards cards, TimeProvider time)
    : TextCommand("permissions", nameof(PermissionText.CommandPermissionsUsage), nameof(PermissionText.CommandPermissionsDescription), "my permissions")
{
    public override Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken) => SendPageAsync(turn, 0, cancellationToken);

    public async Task SendPageAsync(ITurnContext turn, int page, CancellationToken cancellationToken)
    {
        var scopes = await facts.ScopesAsync(turn, cancellationToken);
        var statements = await permissions.ApplicableAsync(TurnFacts.Where(turn).TenantId, scopes, cancellationToken);
        var mine = await permissions.DecisionsOfAsync(TurnFacts.Person(turn), scopes, cancellationToken);
        await turn.SendActivityAsync(cards.PermissionsList(statements, mine, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), page, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
    }
}
