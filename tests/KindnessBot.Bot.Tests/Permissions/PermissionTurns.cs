using System.Globalization;
using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Permissions;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Permissions;

/// <summary>The turns the permission tests send over HTTP, as Teams sends them: Lee leads the team; the others are members.</summary>
internal static class PermissionTurns
{
    public const string Channel = TeamsActivities.TeamId;

    public static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    public static string NewCardId() => Guid.NewGuid().ToString("N");

    public static IPermissionStore Store(this TeamHost host) => host.Services.GetRequiredService<IPermissionStore>();

    /// <summary>The leader's form submitted, as "Preview" or "Post it" send it: the button's data merged with the inputs.</summary>
    public static JObject Form(string verb, string what = "You can offer a customer a goodwill gesture of up to £50 without asking", int days = 60, string? cardId = null) => new()
    {
        ["verb"] = verb,
        ["cardId"] = cardId ?? NewCardId(),
        ["what"] = what,
        ["boundaries"] = "Once per customer; tell your lead afterwards",
        ["from"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["until"] = DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["commitments"] = "Permissive,Listening",
    };

    /// <summary>The decision form submitted: what, for whom, relying on a statement of the team (or own judgement), share or not.</summary>
    public static JObject Decision(string? statementKey, string decided = "Waived the fee", string? cardId = null, bool share = false) => new()
    {
        ["verb"] = "flex-record",
        ["cardId"] = cardId ?? NewCardId(),
        ["decided"] = decided,
        ["forWhom"] = "a family going through a hard month",
        ["reliedOn"] = $"{Channel}|{statementKey ?? "own"}",
        ["outcome"] = "They were able to keep their account",
        ["share"] = share ? "true" : "false",
    };

    /// <summary>"Preview" on the leader's form, as Lee in the channel; returns the preview card's "Post it" data.</summary>
    public static async Task<JObject> PreviewAsync(this TeamHost host, string what)
    {
        await host.SubmitAsync(Form("permission-preview", what), "29:lee", inChannel: true);
        var preview = host.Connector.Sent.Last(s => s.CardTitle == "Here's how it will look" && s.Card!.ToString().Contains(what, StringComparison.Ordinal));
        return (JObject)preview.Card!["actions"]![0]!["data"]!;
    }

    /// <summary>Lee posts a statement in the channel (preview, then "Post it"); returns it with its card in the channel.</summary>
    public static async Task<(PermissionStatement Statement, SentActivity Card)> PostStatementAsync(this TeamHost host, string what)
    {
        await host.SubmitAsync(await host.PreviewAsync(what), "29:lee", inChannel: true);
        await host.UntilDeliveredAsync(async () => host.StatementCards(what).Count > 0 && (await host.Store().ListAsync(host.Activities.TenantId, Channel, 500, default)).Any(s => s.What == what && s.ActivityId is not null), "The statement's card posted in the channel, its activity id kept");
        var card = host.StatementCards(what)[^1];
        var statement = (await host.Store().ListAsync(host.Activities.TenantId, Channel, 500, default)).Single(s => s.What == what);
        return (statement, card);
    }

    /// <summary>The statement cards posted in the channel with these words (not the previews).</summary>
    public static IReadOnlyList<SentActivity> StatementCards(this TeamHost host, string what) =>
        [.. host.SentTo(Channel).Where(s => s.Method == "POST" && s.Card?.ToString().Contains(what, StringComparison.Ordinal) == true && s.Card["actions"]?.Any(a => (string?)a["title"] == "I've read this") == true)];

    public static JObject Button(SentActivity card, string title) =>
        (JObject)card.Card!["actions"]!.Single(a => (string?)a["title"] == title)["data"]!;
}
