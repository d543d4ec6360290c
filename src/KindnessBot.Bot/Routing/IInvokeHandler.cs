using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace KindnessBot.Bot.Routing;

/// <summary>A feature's answer to Teams invokes it owns (a message extension, later a dialog), found by the invoke's name.</summary>
public interface IInvokeHandler
{
    IReadOnlyList<string> Names { get; }

    Task<InvokeResponse> HandleAsync(ITurnContext<IInvokeActivity> turn, CancellationToken cancellationToken);
}
