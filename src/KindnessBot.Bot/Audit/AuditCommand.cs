using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Audit;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Audit;

/// <summary>"audit": for admins only, in personal chat, the newest leader and admin actions, a page at a time.</summary>
internal sealed class AuditCommand(IAuditLog audit, IAuthorisation authorisation, AuditCards cards, CommonCards common, ILogger<AuditCommand> logger)
    : TextCommand("audit", nameof(AuditText.CommandAuditUsage), nameof(AuditText.CommandAuditDescription), "audit log")
{
    public const int PageSize = 10;

    public override Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken) => ShowAsync(turn, null, cancellationToken);

    public async Task ShowAsync(ITurnContext turn, string? before, CancellationToken cancellationToken)
    {
        var person = TurnFacts.Person(turn);
        var where = TurnFacts.Where(turn);
        if (!await authorisation.IsAdminAsync(person, cancellationToken) || where.Kind != Core.Conversations.ConversationKind.Personal)
        {
            RefusalLog.NotALeader(logger, "audit");
            await turn.SendActivityAsync(common.Notice(Localisation.Text(nameof(AuditText.AuditTitle), TurnFacts.Culture(turn)), TurnFacts.Text(turn, nameof(AuditText.AuditAdminsOnly))).ToActivity(), cancellationToken);
            return;
        }

        var page = await audit.ReadAsync(where.TenantId, before, PageSize, cancellationToken);
        await turn.SendActivityAsync(cards.Page(page, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
    }
}
