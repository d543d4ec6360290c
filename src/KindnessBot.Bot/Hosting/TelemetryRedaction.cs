using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace KindnessBot.Bot.Hosting;

/// <summary>
/// Takes out of every span what could say who did something: the conversation, activity and member ids in Teams
/// connector addresses (a personal chat's id is a person), the user and group ids in Microsoft Graph addresses (roles), the row keys in Table Storage addresses, and every query
/// string. It runs before any exporter, so nothing of it leaves the process, whatever records the spans.
/// </summary>
internal sealed partial class TelemetryRedaction : BaseProcessor<Activity>
{
    private static readonly string[] AddressTags = ["url.full", "http.url", "url.path", "http.target", "url.query", "db.statement"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var tag in AddressTags)
        {
            if (data.GetTagItem(tag) is string value)
            {
                data.SetTag(tag, tag == "url.query" ? null : Redact(value));
            }
        }

        data.DisplayName = Redact(data.DisplayName);
    }

    public static string Redact(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var query = value.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? value[..query] : value;
        path = TeamsIds().Replace(path, "/$1/{id}");
        return TableKeys().Replace(path, "(…)");
    }

    [GeneratedRegex(@"/(conversations|activities|members|attachments|users|groups)/[^/?#]+", RegexOptions.IgnoreCase)]
    private static partial Regex TeamsIds();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex TableKeys();
}
