using System.Globalization;
using KindnessBot.Bot.Cards;
using KindnessBot.Core.Audit;

namespace KindnessBot.Bot.Audit;

/// <summary>Newest first: when, who, what, where. Names are plain text; nothing anyone wrote is in the log.</summary>
internal static class AuditCard
{
    public static AdaptiveCard Build(AuditPage page, CultureInfo culture)
    {
        string T(string name) => Localisation.Text(name, culture);
        var body = new List<CardElement>
        {
            new TextBlock(T(nameof(AuditText.AuditTitle))) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(T(page.Entries.Count == 0 ? nameof(AuditText.AuditEmpty) : nameof(AuditText.AuditIntro))) { IsSubtle = true },
        };
        foreach (var entry in page.Entries)
        {
            // Leader changes name whom they changed (a name as stored, shown as plain text); other actions ignore it.
            var what = string.Format(culture, T("AuditAction" + entry.Action), entry.Subject ?? string.Empty);
            body.Add(RichTextBlock.Plain(string.Format(culture, T(nameof(AuditText.AuditLine)), entry.At.ToString("d MMM yyyy HH:mm 'UTC'", culture), entry.ActorName, what, entry.ScopeId)));
        }

        IReadOnlyList<CardAction>? actions = page.Next is { } next
            ? [new SubmitAction(T(nameof(AuditText.AuditOlder)), new Dictionary<string, object> { ["verb"] = AuditVerbs.Page, ["before"] = next })]
            : null;
        return new AdaptiveCard(body, actions);
    }
}
