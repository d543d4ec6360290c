using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Permissions;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>"give permission": the leader's form.</summary>
internal sealed class GivePermissionCommand(PermissionFacts facts, CardFactory cards, TimeProvider time) : ITextCommand
{
    public string Name => "give permission";

    public IReadOnlyList<string> Aliases { get; } = ["permission to", "permit"];

    public string Usage(CultureInfo culture) => Localisation.Text("CommandGivePermissionUsage", culture);

    public string Describe(CultureInfo culture) => Localisation.Text("CommandGivePermissionDescription", culture);

    public async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var led = await facts.LedScopesAsync(turn, cancellationToken);
        var personal = TurnFacts.Where(turn).Kind == ConversationKind.Personal;
        var card = led.Count == 0
            ? cards.Notice(Localisation.Text("PermissionFormTitle", TurnFacts.Culture(turn)), TurnFacts.Text(turn, personal ? "PermissionNoLeaderTeams" : "PermissionNotALeader"))
            : cards.PermissionForm(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), personal ? [.. led.Select(t => (t.ScopeId, t.TeamName ?? t.ScopeId))] : null, TurnFacts.Locale(turn));
        await turn.SendActivityAsync(card.ToActivity(), cancellationToken);
    }
}

/// <summary>"permissions": the statements in force for this person.</summary>
internal sealed class PermissionsCommand(PermissionFacts facts, PermissionService permissions, CardFactory cards, TimeProvider time) : ITextCommand
{
    public string Name => "permissions";

    public IReadOnlyList<string> Aliases { get; } = ["my permissions"];

    public string Usage(CultureInfo culture) => Localisation.Text("CommandPermissionsUsage", culture);

    public string Describe(CultureInfo culture) => Localisation.Text("CommandPermissionsDescription", culture);

    public async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var scopes = await facts.ScopesAsync(turn, cancellationToken);
        var statements = await permissions.ApplicableAsync(TurnFacts.Where(turn).TenantId, scopes, cancellationToken);
        var mine = await permissions.DecisionsOfAsync(PermissionFacts.Person(turn), scopes, cancellationToken);
        await turn.SendActivityAsync(cards.PermissionsList(statements, mine, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
    }
}

/// <summary>"i flexed" (and "I used this"): the decision form, with the permissions the person could have relied on.</summary>
internal sealed class IFlexedCommand(PermissionFacts facts, PermissionService permissions, CardFactory cards) : ITextCommand
{
    public string Name => "i flexed";

    public IReadOnlyList<string> Aliases { get; } = ["flexed", "i flex"];

    public string Usage(CultureInfo culture) => Localisation.Text("CommandIFlexedUsage", culture);

    public string Describe(CultureInfo culture) => Localisation.Text("CommandIFlexedDescription", culture);

    public Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken) => SendFormAsync(turn, null, cancellationToken);

    public async Task<CardMessage> FormAsync(ITurnContext turn, string? selected, CancellationToken cancellationToken)
    {
        var scopes = await facts.ScopesAsync(turn, cancellationToken);
        if (scopes.Count == 0)
        {
            return cards.Notice(Localisation.Text("DecisionFormTitle", TurnFacts.Culture(turn)), TurnFacts.Text(turn, "DecisionNowhere"));
        }

        var culture = TurnFacts.Culture(turn);
        var statements = await permissions.ApplicableAsync(TurnFacts.Where(turn).TenantId, scopes, cancellationToken);
        var choices = statements.Select(s => new Choice(Shorten(s.What), $"{s.ScopeId}|{s.Key}")).ToList();
        choices.AddRange(scopes.Select(s => new Choice(
            scopes.Count == 1 ? Localisation.Text("DecisionOwnJudgement", culture) : string.Format(culture, Localisation.Text("DecisionOwnJudgementIn", culture), s.TeamName ?? s.ScopeId),
            $"{s.ScopeId}|own")));
        return cards.DecisionForm(choices, selected, TurnFacts.Locale(turn));
    }

    public async Task SendFormAsync(ITurnContext turn, string? selected, CancellationToken cancellationToken) =>
        await turn.SendActivityAsync((await FormAsync(turn, selected, cancellationToken)).ToActivity(), cancellationToken);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}

/// <summary>"flex log": for leaders, how their permissions are used.</summary>
internal sealed class FlexLogCommand(PermissionFacts facts, PermissionService permissions, CardFactory cards) : ITextCommand
{
    public string Name => "flex log";

    public IReadOnlyList<string> Aliases { get; } = ["flexlog"];

    public string Usage(CultureInfo culture) => Localisation.Text("CommandFlexLogUsage", culture);

    public string Describe(CultureInfo culture) => Localisation.Text("CommandFlexLogDescription", culture);

    public async Task HandleAsync(ITurnContext turn, string argument, CancellationToken cancellationToken)
    {
        var led = await facts.LedScopesAsync(turn, cancellationToken);
        if (led.Count == 0)
        {
            await turn.SendActivityAsync(cards.Notice(Localisation.Text("FlexLogTitle", TurnFacts.Culture(turn)), TurnFacts.Text(turn, "PermissionNotALeader")).ToActivity(), cancellationToken);
            return;
        }

        foreach (var scope in led.Take(3))
        {
            var log = await permissions.FlexLogAsync(scope, PermissionFacts.Person(turn), cancellationToken);
            await turn.SendActivityAsync(cards.FlexLog(log!, TurnFacts.Locale(turn)).ToActivity(), cancellationToken);
        }
    }
}
