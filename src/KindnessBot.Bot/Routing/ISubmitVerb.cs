using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Routing;

/// <summary>A card button's action, found by its verb.</summary>
public interface ISubmitVerb
{
    string Verb { get; }

    /// <returns>Null when handled; otherwise why the submit was refused (nothing was stored).</returns>
    Task<string?> RunAsync(ITurnContext turn, SubmitPayload payload, CancellationToken cancellationToken);
}
