using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Resources;
using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Dialogs;

/// <summary>
/// The fallback where a client does not open dialogs (<c>Dialogs:Enabled</c> off, as in the Playground): pressing the
/// button sends the form as a card of its own to the person's own chat with the bot (or, when they have none, into the
/// conversation). Not in the shared conversation, because a client may re-render every card there when one is updated
/// in place (the Playground does: half an answer typed in a form posted beside the prompt was lost when the prompt's count
/// went up), and because nobody else needs to see that someone is answering.
/// </summary>
internal sealed class OpenDialogVerb(DialogForms forms, Conversations.PrivateReplies replies, CommonCards cards) : ISubmitVerb
{
    public string Verb => Dialogs.OpenVerb;

    public string? Allowance => null;

    public async Task<string?> RunAsync(ITurnContext turn, SubmitPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (forms.Find(payload) is not { } form)
        {
            return "no such dialog";
        }

        var opened = await form.OpenAsync(turn, payload, cancellationToken);
        if (opened is null)
        {
            await turn.SendActivityAsync(cards.Notice(TurnFacts.Text(turn, nameof(Strings.DialogUnavailableTitle)), TurnFacts.Text(turn, nameof(Strings.DialogUnavailable))).ToActivity(), cancellationToken);
            return null;
        }

        await replies.SendAsync(turn, opened.Form.ToActivity(), cancellationToken);
        return null;
    }
}
