namespace KindnessBot.Bot.Cards;

/// <summary>A button that sends <see cref="Data"/> back to the bot; it must carry a "verb" for the submit router.</summary>
public sealed record SubmitAction : CardAction
{
    /// <summary>
    /// Names a button's data must not use. The Adaptive Cards JavaScript SDK (1.6 and later, as in the Microsoft 365
    /// Agents Playground 0.2.28) reads an Action.Submit's data as an object of its own whose properties include
    /// "key" (every SDK object has one) and "msteams"/"msTeams", and writes them back onto the card's data when the
    /// button is pressed. A client that keeps its cards frozen (the Playground's store does) then throws "Cannot
    /// assign to read only property 'key'" and sends nothing, so the button is dead.
    /// </summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "key", "msteams" };

    public SubmitAction(string title, IReadOnlyDictionary<string, object> data)
        : this(title, data, opensDialog: false)
    {
    }

    private SubmitAction(string title, IReadOnlyDictionary<string, object> data, bool opensDialog)
        : base(title)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (opensDialog)
        {
            Data = new Dictionary<string, object>(data) { ["msteams"] = new Dictionary<string, object> { ["type"] = "task/fetch" } };
            return;
        }

        if (data.Keys.FirstOrDefault(ReservedNames.Contains) is { } reserved)
        {
            throw new ArgumentException($"A button's data cannot have a field named \"{reserved}\": the Adaptive Cards SDK reserves it, and a press then sends nothing in some clients.", nameof(data));
        }

        Data = data;
    }

    public IReadOnlyDictionary<string, object> Data { get; }

    /// <summary>
    /// A button that opens a Teams dialog (task/fetch): the one kind that must carry "msteams". Only the dialog seam
    /// makes these, and only where the client opens dialogs (<c>Dialogs:Enabled</c>); elsewhere it makes plain buttons.
    /// </summary>
    internal static SubmitAction OpeningDialog(string title, IReadOnlyDictionary<string, object> data) => new(title, data, opensDialog: true);

    public static SubmitAction ForVerb(string title, string verb) => new(title, new Dictionary<string, object> { ["verb"] = verb });
}
