using System.Net;
using Azure.Core;
using KindnessBot.Bot.People;

namespace KindnessBot.Bot.Tests.Leaders;

/// <summary>The Graph edge over plain HTTP, against a stand-in Graph: what it asks, with what token, and how it reads the answers.</summary>
public class GraphDirectoryRolesTests
{
    private sealed class FixedToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("graph-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }

    private sealed class FakeGraph(Func<HttpRequestMessage, (HttpStatusCode, string)> answer) : HttpMessageHandler
    {
        public List<string> Asked { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Asked.Add($"{request.Method} {request.RequestUri} {request.Headers.Authorization} {body}");
            var (status, json) = answer(request);
            return new HttpResponseMessage(status) { Content = new StringContent(json) };
        }
    }

    private static GraphDirectoryRoles Roles(FakeGraph graph) => new(new HttpClient(graph) { BaseAddress = new Uri(GraphDirectoryRoles.BaseAddress) }, new FixedToken());

    [Fact]
    public async Task Group_membership_is_asked_with_checkMemberGroups_and_the_apps_token()
    {
        var graph = new FakeGraph(r => (HttpStatusCode.OK, r.RequestUri!.AbsolutePath.Contains("aad-in", StringComparison.Ordinal) ? """{"value":["group-admins"]}""" : """{"value":[]}"""));

        Assert.True(await Roles(graph).IsMemberOfGroupAsync("aad-in", "group-admins", default));
        Assert.False(await Roles(graph).IsMemberOfGroupAsync("aad-out", "group-admins", default));
        Assert.Equal("POST https://graph.microsoft.com/v1.0/users/aad-in/checkMemberGroups Bearer graph-token {\"groupIds\":[\"group-admins\"]}", graph.Asked[0]);
    }

    [Fact]
    public async Task Team_owners_are_read_across_pages_and_a_refusal_throws()
    {
        var graph = new FakeGraph(r => r.RequestUri!.Query.Contains("skiptoken", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, """{"value":[{"id":"owner-2"}]}""")
            : (HttpStatusCode.OK, """{"value":[{"id":"owner-1"}],"@odata.nextLink":"https://graph.microsoft.com/v1.0/groups/group-team/owners?$skiptoken=abc"}"""));

        Assert.Equal(["owner-1", "owner-2"], await Roles(graph).TeamOwnersAsync("group-team", default));

        var refusing = new FakeGraph(_ => (HttpStatusCode.Forbidden, """{"error":{"code":"Authorization_RequestDenied"}}"""));
        await Assert.ThrowsAsync<HttpRequestException>(() => Roles(refusing).TeamOwnersAsync("group-team", default));
    }
}
