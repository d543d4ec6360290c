namespace KindnessBot.Bot.Dialogs;

/// <summary>The "Dialogs" settings.</summary>
public sealed class DialogOptions
{
    public const string Section = "Dialogs";

    /// <summary>
    /// Whether buttons open forms in a Teams dialog (task/fetch). Teams does; the Microsoft 365 Agents Playground does
    /// not open dialogs, so `./run.sh` and the browser tests turn this off and the form is sent as a card of its own to the
    /// person's own chat with the bot (see <see cref="OpenDialogVerb"/>).
    /// </summary>
    public bool Enabled { get; set; } = true;
}
