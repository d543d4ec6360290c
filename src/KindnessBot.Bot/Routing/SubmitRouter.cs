using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Routing;

/// <summary>The one place card submits (Action.Submit and Action.Execute) are mapped to their verbs.</summary>
public sealed partial class SubmitRouter
{
    private readonly Dictionary<string, ISubmitVerb> _verbs;
    private readonly ILogger<SubmitRouter> _logger;

    public SubmitRouter(IEnumerable<ISubmitVerb> verbs, ILogger<SubmitRouter> logger)
    {
        _verbs = verbs.ToDictionary(v => v.Verb, StringComparer.Ordinal);
        _logger = logger;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a card submit with verb {Verb}: {Problem}")]
    private static partial void LogRefused(ILogger logger, string verb, string problem);
}
