using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Routing;

/// <summary>
/// A verb whose submit is parsed into a typed, validated command before anything else happens; the handler sees
/// only the command.
/// </summary>
public abstract class SubmitVerb<TCommand> : ISubmitVerb
{
    public abstract string Verb { get; }

    public virtual string? Allowance => null;

    public async Task<string?> RunAsync(ITurnContext turn, SubmitPayload payload, CancellationToken cancellationToken)
    {
        var command = Parse(payload);
        if (!command.IsValid)
        {
            return command.Problem;
        }

        return await HandleAsync(turn, command.Value!, cancellationToken);
    }

    protected abstract Parsed<TCommand> Parse(SubmitPayload payload);

    /// <returns>Null when done; otherwise why it was refused (and then nothing may have been stored).</returns>
    protected abstract Task<string?> HandleAsync(ITurnContext turn, TCommand command, CancellationToken cancellationToken);
}
