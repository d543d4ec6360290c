using System.Net.Http.Headers;
using System.Text;
using Azure.Core;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Delivery;

/// <summary>The one Graph call the delivery path makes: installing the app for a person. An edge: tests mock it.</summary>
public interface ITeamsAppGraph
{
    /// <returns>The HTTP status Graph answered.</returns>
    Task<int> InstallForUserAsync(string aadObjectId, string teamsAppCatalogId, CancellationToken cancellationToken);
}

/// <summary>Graph v1.0 over plain HTTP with the app's own identity (the <see cref="TokenCredential"/> storage uses).</summary>
internal sealed class TeamsAppGraph(HttpClient http, TokenCredential credential) : ITeamsAppGraph
{
    public const string BaseAddress = "https://graph.microsoft.com/v1.0/";
    private static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];

    public async Task<int> InstallForUserAsync(string aadObjectId, string teamsAppCatalogId, CancellationToken cancellationToken)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"users/{Uri.EscapeDataString(aadObjectId)}/teamwork/installedApps", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var body = new JObject { ["teamsApp@odata.bind"] = BaseAddress + "appCatalogs/teamsApps/" + Uri.EscapeDataString(teamsAppCatalogId) };
        request.Content = new StringContent(body.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }
}
