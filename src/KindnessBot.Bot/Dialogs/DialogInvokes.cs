using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Resources;
using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Dialogs;

/// <summary>
/// Teams' dialog invokes. task/fetch (a button made by <see cref="Dialogs.Button"/>) answers with the feature's form;
/// task/submit (the form's own button) goes to the one <see cref="SubmitRouter"/>, so a dialog's submit is checked
/// exactly as a card's is. Anything wrong is answered inside the dialog, kindly, and changes nothing.
/// </summary>
internal sealed partial class DialogInvokes(DialogForms forms, SubmitRouter submits, ILogger<DialogInvokes> logger) : IInvokeHandler
{
    public const string Fetch = "task/fetch";
    public const string Submit = "task/submit";

    public IReadOnlyList<string> Names { get; } = [Fetch, Submit];

    public async Task<InvokeResponse> HandleAsync(ITurnContext<IInvokeActivity> turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var data = (turn.Activity.Value as JObject)?["data"] as JObject;
        if (turn.Activity.Name == Submit)
        {
            var problem = await submits.RouteAsync(turn, data is null ? null : WithoutTeamsFields(data), cancellationToken);
            return problem is null ? new InvokeResponse { Status = 200 } : Message(turn, nameof(Strings.BadSubmitBody));
        }

        var payload = SubmitPayload.Read(data is null ? null : WithoutTeamsFields(data));
        if (!payload.IsValid || payload.Value!.Verb != Dialogs.OpenVerb || forms.Find(payload.Value) is not { } form)
        {
            LogRefused(logger, payload.Problem ?? "no such dialog");
            return Message(turn, nameof(Strings.BadSubmitBody));
        }

        if (await form.OpenAsync(turn, payload.Value, cancellationToken) is not { } opened)
        {
            return Message(turn, nameof(Strings.DialogUnavailable));
        }

        var task = new JObject
        {
            ["type"] = "continue",
            ["value"] = new JObject
            {
                ["title"] = opened.Title,
                ["height"] = "medium",
                ["width"] = "medium",
                ["card"] = JObject.FromObject(opened.Form.ToAttachment()),
            },
        };
        return new InvokeResponse { Status = 200, Body = new JObject { ["task"] = task } };
    }

    /// <summary>The button's data without what Teams adds to it ("msteams"), which no verb reads.</summary>
    private static JObject WithoutTeamsFields(JObject data) => new(data.Properties().Where(p => !string.Equals(p.Name, "msteams", StringComparison.OrdinalIgnoreCase)).Select(p => new JProperty(p.Name, p.Value.DeepClone())));

    private static InvokeResponse Message(ITurnContext turn, string text) =>
        new() { Status = 200, Body = new JObject { ["task"] = new JObject { ["type"] = "message", ["value"] = TurnFacts.Text(turn, text) } } };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to open a dialog: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);
}
