using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Routing;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Dialogs;

/// <summary>The one place buttons that open a form are made (features' cards use it; the forms themselves are found by <see cref="DialogForms"/>).</summary>
public sealed class Dialogs(IOptions<DialogOptions> options)
{
    /// <summary>The verb of a button that opens a form: a Teams dialog's task/fetch carries it, and so does the fallback's plain submit.</summary>
    public const string OpenVerb = "dialog-open";

    /// <summary>The field naming which form.</summary>
    public const string NameField = "dialog";

    public bool Enabled => options.Value.Enabled;

    /// <summary>A button that opens <paramref name="dialog"/> with <paramref name="data"/> (ids only; the form is made when it opens).</summary>
    public CardAction Button(string title, string dialog, IReadOnlyDictionary<string, object> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var all = new Dictionary<string, object>(data) { ["verb"] = OpenVerb, [NameField] = dialog };
        return Enabled ? SubmitAction.OpeningDialog(title, all) : new SubmitAction(title, all);
    }
}

/// <summary>Every feature's forms, by name.</summary>
public sealed class DialogForms(IEnumerable<IDialogForm> forms)
{
    private readonly Dictionary<string, IDialogForm> _forms = forms.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public IDialogForm? Find(SubmitPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var name = payload.Text(Dialogs.NameField, 64, required: true);
        return name.IsValid && _forms.TryGetValue(name.Value!, out var form) ? form : null;
    }
}
