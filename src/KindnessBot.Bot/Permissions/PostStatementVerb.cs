using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>"Preview" and "Post it" on the leader's form.</summary>
internal sealed class PostStatementVerb(TurnScopes facts, PermissionService permissions, IAuthorisation authorisation, PermissionCards cards, CommonCards common, ILogger<PostStatementVerb> logger, bool preview) : SubmitVerb<StatementDraft>
{
    public override string Verb => preview ? PermissionVerbs.Preview : PermissionVerbs.Post;

    public override string? Allowance => preview ? null : AllowanceOptions.LeaderChanges;

    protected override Parsed<StatementDraft> Parse(SubmitPayload payload) => StatementDraft.Read(payload);

    protected override async Task<string?> HandleAsync(ITurnContext turn, StatementDraft command, CancellationToken cancellationToken)
    {
        var where = TurnFacts.Where(turn);
        var scope = where.Kind == ConversationKind.Personal
            ? command.TeamId is { Length: > 0 } team ? await facts.AllowedScopeAsync(turn, team, cancellationToken) : null
            : where;
        var person = TurnFacts.Person(turn);
        if (scope is null || !await authorisation.IsLeaderAsync(scope, person, cancellationToken))
        {
            RefusalLog.NotALeader(logger, Verb);
            return await ReplyAsync(turn, nameof(PermissionText.PermissionNotALeader), cancellationToken);
        }

        var request = new StatementRequest(person, scope, command.What, command.Boundaries, command.Commitments, command.From, command.Until, command.CardId);
        if (preview)
        {
            var draft = new PermissionStatement
            {
                TenantId = scope.TenantId, ScopeId = scope.ScopeId, ConversationId = scope.ConversationId, Key = "preview",
                LeaderId = person.TeamsId, LeaderName = person.Name, What = command.What, Boundaries = command.Boundaries,
                Commitments = command.Commitments.Count == 0 ? [Commitment.Permissive] : command.Commitments, ValidFrom = command.From, ValidUntil = command.Until,
            };
            await turn.SendActivityAsync(cards.PermissionPreview(draft, command.ToPostData(), TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
            return null;
        }

        var (_, refusal) = await permissions.PostAsync(request, cancellationToken);
        return await ReplyAsync(turn, refusal switch { PermissionRefusal.NotALeader => nameof(PermissionText.PermissionNotALeader), PermissionRefusal.BadDates => nameof(PermissionText.PermissionBadDates), _ => nameof(PermissionText.PermissionPosted) }, cancellationToken);
    }

    private async Task<string?> ReplyAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        await turn.SendActivityAsync(common.Notice(Localisation.Text(nameof(PermissionText.PermissionFormTitle), TurnFacts.Culture(turn)), TurnFacts.Text(turn, text)).ToActivity(), cancellationToken);
        return null;
    }
}
