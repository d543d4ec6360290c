using KindnessBot.Bot.Resources;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Recognition;

/// <summary>
/// Recognising from the compose box (an action command) or from a message's "…" menu (a message action, which
/// quotes the message): Teams asks for the recognition card as a task module, then submits it here.
/// </summary>
internal sealed partial class MessageExtensionHandler : IInvokeHandler
{
    public const string FetchTask = "composeExtension/fetchTask";
    public const string SubmitAction = "composeExtension/submitAction";
    /// <summary>The manifest's action commands: from the compose box, and from a message's "…" menu.</summary>
    public static readonly string[] CommandIds = ["recognise", "recogniseMessage"];

    public IReadOnlyList<string> Names { get; } = [FetchTask, SubmitAction];

    private readonly RecogniseCommand _recognise;
    private readonly GiveVerb _give;
    private readonly ILogger<MessageExtensionHandler> _logger;

    public MessageExtensionHandler(RecogniseCommand recognise, GiveVerb give, ILogger<MessageExtensionHandler> logger)
    {
        _recognise = recognise;
        _give = give;
        _logger = logger;
    }

    public async Task<InvokeResponse> HandleAsync(ITurnContext<IInvokeActivity> turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var value = turn.Activity.Value as JObject;
        if (value?["commandId"] is not JValue { Type: JTokenType.String } commandId || !CommandIds.Contains((string?)commandId))
        {
            LogRefused(_logger, "unknown command");
            return Message(Localisation.Text(nameof(Strings.UnsupportedAction), TurnFacts.Culture(turn)));
        }

        if (turn.Activity.Name == FetchTask)
        {
            var card = await _recognise.BuildCardAsync(turn, Quote(value), cancellationToken);
            return card is null
                ? Message(TurnFacts.Text(turn, nameof(RecognitionText.RecogniseNobody)))
                : Ok(new JObject
                {
                    ["task"] = new JObject
                    {
                        ["type"] = "continue",
                        ["value"] = new JObject
                        {
                            ["title"] = Localisation.Text(nameof(RecognitionText.RecogniseTitle), TurnFacts.Culture(turn)),
                            ["height"] = "large",
                            ["width"] = "medium",
                            ["card"] = JObject.FromObject(card.ToAttachment()),
                        },
                    },
                });
        }

        var payload = SubmitPayload.Read(value?["data"]);
        var reply = payload.IsValid ? await _give.GiveFromTaskAsync(turn, payload.Value!, cancellationToken) : null;
        if (reply is null)
        {
            LogRefused(_logger, payload.Problem ?? "the recognition card's fields were missing or malformed");
            return Message(Localisation.Text(nameof(Strings.BadSubmitBody), TurnFacts.Culture(turn)));
        }

        return Message(reply.Value.Text);
    }

    /// <summary>A message action's message, quoted, to start the "what did they do" text.</summary>
    private static string? Quote(JObject? value)
    {
        if ((string?)value?["commandContext"] != "message" || value?["messagePayload"]?["body"]?["content"] is not JValue { Type: JTokenType.String } content)
        {
            return null;
        }

        var text = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace((string)content!, "<[^>]{0,200}>", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100))).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var quoted = "> " + text.ReplaceLineEndings("\n> ") + "\n\n";
        return quoted.Length > 900 ? quoted[..900] + "…\n\n" : quoted;
    }

    private static InvokeResponse Ok(JObject body) => new() { Status = 200, Body = body };

    private static InvokeResponse Message(string text) =>
        Ok(new JObject { ["task"] = new JObject { ["type"] = "message", ["value"] = text } });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a message-extension request: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);
}
