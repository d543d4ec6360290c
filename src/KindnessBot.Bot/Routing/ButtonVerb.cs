using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Routing;

/// <summary>A button whose submit carries nothing but its verb: whatever else arrives with it is ignored.</summary>
public abstract class ButtonVerb : ISubmitVerb
{
    public abstract string Verb { get; }

    public virtual string? Allowance => null;

    public async Task<string?> RunAsync(ITurnContext turn, SubmitPayload payload, CancellationToken cancellationToken)
    {
        await PressedAsync(turn, cancellationToken);
        return null;
    }

    protected abstract Task PressedAsync(ITurnContext turn, CancellationToken cancellationToken);
}
