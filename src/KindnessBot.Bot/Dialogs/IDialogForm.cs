using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Dialogs;

/// <summary>
/// A form a feature opens in a Teams dialog rather than inside a shared card, so that a card updating in place (a count
/// going up) never takes away what someone is typing. The form's own submit carries the feature's usual verb: a dialog's
/// submit goes to the same <see cref="SubmitRouter"/> as any card's, with the same checks.
/// </summary>
public interface IDialogForm
{
    /// <summary>The dialog's name, carried by the button that opens it.</summary>
    string Name { get; }

    /// <summary>The form for this person and the button's data, or null when there is nothing to open (closed, gone, not theirs).</summary>
    Task<DialogForm?> OpenAsync(ITurnContext turn, SubmitPayload data, CancellationToken cancellationToken);
}

/// <summary>A dialog's title and its form card.</summary>
public sealed record DialogForm(string Title, CardMessage Form);
