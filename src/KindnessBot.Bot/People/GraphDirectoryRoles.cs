using System.Net.Http.Headers;
using System.Text;
using Azure.Core;
using KindnessBot.Core.Roles;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.People;

/// <summary>
/// Roles from Microsoft Graph v1.0 with plain HTTP and the app's own identity (a token for Graph from the same
/// <see cref="TokenCredential"/> storage uses): registered only when <see cref="LeaderOptions.UsesGraph"/>. The
/// identity needs GroupMember.Read.All. Failures throw; the one check counts them as "no".
/// </summary>
internal sealed class GraphDirectoryRoles(HttpClient http, TokenCredential credential) : IDirectoryRoles
{
    public const string BaseAddress = "https://graph.microsoft.com/v1.0/";
    private const int MaxOwners = 200;
    private static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];

    public async Task<bool> IsMemberOfGroupAsync(string aadObjectId, string groupId, CancellationToken cancellationToken)
    {
        // checkMemberGroups answers transitively, with the ids among those asked that the person is a member of.
        using var request = await RequestAsync(HttpMethod.Post, $"users/{Uri.EscapeDataString(aadObjectId)}/checkMemberGroups", cancellationToken);
        request.Content = new StringContent(new JObject { ["groupIds"] = new JArray(groupId) }.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json");
        var body = await SendAsync(request, cancellationToken);
        return body["value"] is JArray ids && ids.Any(id => string.Equals((string?)id, groupId, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<IReadOnlyList<string>> TeamOwnersAsync(string teamAadGroupId, CancellationToken cancellationToken)
    {
        var owners = new List<string>();
        string? next = $"groups/{Uri.EscapeDataString(teamAadGroupId)}/owners?$select=id&$top=100";
        while (next is not null && owners.Count < MaxOwners)
        {
            using var request = await RequestAsync(HttpMethod.Get, next, cancellationToken);
            var body = await SendAsync(request, cancellationToken);
            owners.AddRange((body["value"] as JArray ?? []).Select(o => (string?)o["id"]).OfType<string>());
            next = (string?)body["@odata.nextLink"] is { } link && link.StartsWith(BaseAddress, StringComparison.Ordinal) ? link[BaseAddress.Length..] : null;
        }

        return owners;
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return request;
    }

    private async Task<JObject> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JObject.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
