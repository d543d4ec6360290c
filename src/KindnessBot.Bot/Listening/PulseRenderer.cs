using KindnessBot.Bot.Delivery;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Listening;

namespace KindnessBot.Bot.Listening;

/// <summary>The pulse card as it is posted: never for a pulse posted already or closed meanwhile.</summary>
internal sealed class PulseRenderer(PulseService pulses, ListeningCards cards, TimeProvider time) : IDeliveryRenderer
{
    public IReadOnlyDictionary<string, string?> Kinds { get; } = new Dictionary<string, string?> { [PulseMessage.Kind] = null };

    public async Task<Rendered> RenderAsync(OutboxEntry entry, ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var message = PulseMessage.FromJson(entry.Request.Payload);
        var pulse = message is null || message.TenantId != entry.TenantId ? null : await pulses.FindAsync(message.TenantId, message.TeamId, message.PulseId, cancellationToken);
        var now = time.GetUtcNow();
        return pulse switch
        {
            null => Rendered.Drop("Not a pulse of this team."),
            { ActivityId: { Length: > 0 } } => Rendered.Drop("Posted already."),
            _ when pulse.IsClosed(now) => Rendered.Drop("Closed before it could be posted."),
            _ => Rendered.Show(cards.Pulse(pulse, now, "en-GB")),
        };
    }
}

/// <summary>The team's statement for the help card in its channel (a shared room's contract, so Help needs no feature).</summary>
internal sealed class TeamStatementLookup(KindnessStatements statements) : Cards.ITeamStatement
{
    public async Task<string?> ForAsync(string tenantId, string scopeId, CancellationToken cancellationToken) =>
        (await statements.CurrentAsync(tenantId, scopeId, cancellationToken))?.Text;
}
