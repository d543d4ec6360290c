using KindnessBot.Bot.Routing;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Permissions;

/// <summary>"Show more" on the permissions list: the next page of what applies to the person pressing it.</summary>
internal sealed class PermissionsPageVerb(PermissionsCommand list) : SubmitVerb<PermissionsPageVerb.Page>
{
    internal sealed record Page(int Number);

    public override string Verb => PermissionVerbs.PermissionsPage;

    protected override Parsed<Page> Parse(SubmitPayload payload)
    {
        var page = payload.Number("page", 0, CardPages.MaxPages - 1);
        return page.IsValid ? Parsed<Page>.Valid(new Page(page.Value)) : Parsed<Page>.Invalid(page.Problem!);
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Page command, CancellationToken cancellationToken)
    {
        await list.SendPageAsync(turn, command.Number, cancellationToken);
        return null;
    }
}
