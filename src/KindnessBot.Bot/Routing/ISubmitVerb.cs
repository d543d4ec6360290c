using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Routing;

/// <summary>A card button's action, found by its verb.</summary>
public interface ISubmitVerb
{
    string Verb { get; }

    /// <summary>
    /// The daily allowance (<see cref="Core.People.AllowanceOptions"/>) a press of this verb counts against, for verbs
    /// that change something and have no limit of their own; null for the rest.
    /// </summary>
    string? Allowance { get; }

    /// <returns>Null when handled; otherwise why the submit was refused (nothing was stored).</returns>
    Task<string?> RunAsync(ITurnContext turn, SubmitPayload payload, CancellationToken cancellationToken);
}
