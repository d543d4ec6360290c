using KindnessBot.Bot.Dialogs;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Listening;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Listening;

/// <summary>The answer form of an open pulse, for a team this turn may act on.</summary>
internal sealed class PulseAnswerForm(PulseService pulses, TurnScopes scopes, ListeningCards cards, TimeProvider time) : IDialogForm
{
    public string Name => ListeningVerbs.AnswerForm;

    public async Task<DialogForm?> OpenAsync(ITurnContext turn, SubmitPayload data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var team = data.Id("team");
        var id = data.Id("pulse");
        if (!team.IsValid || !id.IsValid || await scopes.AllowedScopeAsync(turn, team.Value!, cancellationToken) is not { } scope
            || await pulses.FindAsync(scope.TenantId, scope.ScopeId, id.Value!, cancellationToken) is not { } pulse || pulse.IsClosed(time.GetUtcNow()))
        {
            return null;
        }

        return new DialogForm(TurnFacts.Text(turn, nameof(ListeningText.PulseAnswerTitle)), cards.AnswerForm(pulse, TurnFacts.Locale(turn)));
    }
}

/// <summary>A leader's form to write the team's statement, with what people suggested and the earlier versions.</summary>
internal sealed class StatementWriteForm(KindnessStatements statements, TurnScopes scopes, ListeningCards cards) : IDialogForm
{
    public string Name => ListeningVerbs.WriteForm;

    public async Task<DialogForm?> OpenAsync(ITurnContext turn, SubmitPayload data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var team = data.Id("team");
        if (!team.IsValid || await scopes.AllowedScopeAsync(turn, team.Value!, cancellationToken) is not { } scope
            || await statements.SuggestionsAsync(scope, TurnFacts.Person(turn), StatementCard.SuggestionsShown, cancellationToken) is not { } suggestions)
        {
            return null;
        }

        var current = await statements.CurrentAsync(scope.TenantId, scope.ScopeId, cancellationToken);
        var history = await statements.HistoryAsync(scope.TenantId, scope.ScopeId, StatementCard.HistoryShown + 1, cancellationToken);
        return new DialogForm(TurnFacts.Text(turn, nameof(ListeningText.StatementWriteTitle)), cards.WriteForm(scope.ScopeId, current, suggestions, history, TurnFacts.Locale(turn)));
    }
}

/// <summary>The form to suggest a change to the team's statement (anonymous), for a team this turn may act on.</summary>
internal sealed class StatementSuggestForm(TurnScopes scopes, ListeningCards cards) : IDialogForm
{
    public string Name => ListeningVerbs.SuggestForm;

    public async Task<DialogForm?> OpenAsync(ITurnContext turn, SubmitPayload data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var team = data.Id("team");
        return team.IsValid && await scopes.AllowedScopeAsync(turn, team.Value!, cancellationToken) is { } scope
            ? new DialogForm(TurnFacts.Text(turn, nameof(ListeningText.StatementSuggestTitle)), cards.SuggestForm(scope.ScopeId, TurnFacts.Locale(turn)))
            : null;
    }
}
