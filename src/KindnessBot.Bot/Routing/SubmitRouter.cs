using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Resources;
using KindnessBot.Core.People;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Routing;

/// <summary>The one place card submits (Action.Submit and Action.Execute) are mapped to their verbs.</summary>
public sealed partial class SubmitRouter
{
    private readonly Dictionary<string, ISubmitVerb> _verbs;
    private readonly ILogger<SubmitRouter> _logger;

    private readonly IDailyAllowance _allowance;
    private readonly AllowanceOptions _allowances;
    private readonly CommonCards _cards;

    public SubmitRouter(IEnumerable<ISubmitVerb> verbs, IDailyAllowance allowance, IOptions<AllowanceOptions> allowances, CommonCards cards, ILogger<SubmitRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(allowances);
        _verbs = verbs.ToDictionary(v => v.Verb, StringComparer.Ordinal);
        (_allowance, _allowances, _cards, _logger) = (allowance, allowances.Value, cards, logger);
    }

    public IReadOnlyCollection<string> Verbs => _verbs.Keys;

    /// <returns>Null when handled; otherwise the problem, already logged as a warning.</returns>
    public async Task<string?> RouteAsync(ITurnContext turn, JToken? value, CancellationToken cancellationToken)
    {
        var payload = SubmitPayload.Read(value);
        string? problem;
        if (!payload.IsValid)
        {
            problem = payload.Problem;
        }
        else if (!_verbs.TryGetValue(payload.Value!.Verb, out var verb))
        {
            problem = "the verb is not one this bot knows";
        }
        else if (verb.Allowance is { } kind && !await WithinAllowanceAsync(turn, kind, cancellationToken))
        {
            return null; // told kindly; nothing was run
        }
        else
        {
            problem = await verb.RunAsync(turn, payload.Value, cancellationToken);
        }

        if (problem is not null)
        {
            LogRefused(_logger, payload.Value?.Verb ?? "(none)", problem);
        }

        return problem;
    }

    private async Task<bool> WithinAllowanceAsync(ITurnContext turn, string kind, CancellationToken cancellationToken)
    {
        var perDay = _allowances.PerDay(kind);
        if (await _allowance.TryTakeAsync(TurnFacts.Where(turn).TenantId, turn.Activity.From.Id, kind, perDay, cancellationToken))
        {
            return true;
        }

        LogAllowanceReached(_logger, kind);
        await turn.SendActivityAsync(_cards.Notice(TurnFacts.Text(turn, nameof(Strings.AllowanceReachedTitle)), TurnFacts.Text(turn, nameof(Strings.AllowanceReachedBody), perDay)).ToActivity(), cancellationToken);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A person reached their daily allowance of {Kind}; the submit was not run")]
    private static partial void LogAllowanceReached(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a card submit with verb {Verb}: {Problem}")]
    private static partial void LogRefused(ILogger logger, string verb, string problem);
}
