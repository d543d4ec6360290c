using KindnessBot.Bot.Routing;
using KindnessBot.Core.PersonalData;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.PersonalData;

/// <summary>
/// *Yes, delete my data*. The submit is attacker-controlled: the person erased is the one in the activity, and the
/// card's confirmation must be genuine, in date and issued to that same person in that same tenant, or nothing happens.
/// Pressing it again (a double click, a replay) erases nothing more and says so calmly.
/// </summary>
internal sealed class EraseVerb(PersonalDataLinks links, PersonalDataService data, PersonalChatOnly personal) : SubmitVerb<EraseVerb.Confirmed>
{
    public override string Verb => PersonalDataVerbs.Erase;

    internal sealed record Confirmed(string Confirmation);

    protected override Parsed<Confirmed> Parse(SubmitPayload payload)
    {
        var confirmation = payload.Text("confirmation", 4000, required: true);
        return confirmation.IsValid ? Parsed<Confirmed>.Valid(new Confirmed(confirmation.Value!)) : Parsed<Confirmed>.Invalid(confirmation.Problem!);
    }

    protected override async Task<string?> HandleAsync(ITurnContext turn, Confirmed command, CancellationToken cancellationToken)
    {
        if (await personal.RefusedAsync(turn, cancellationToken))
        {
            return null;
        }

        var person = TurnFacts.Person(turn);
        var tenantId = TurnFacts.Where(turn).TenantId;
        var token = links.ReadConfirmation(command.Confirmation);
        if (token.Expired)
        {
            await personal.NoticeAsync(turn, nameof(PersonalDataText.EraseExpired), cancellationToken, nameof(PersonalDataText.EraseTitle));
            return null;
        }

        if (token.Fields is not [var issuedTenant, var issuedTo] || issuedTenant != tenantId || issuedTo != person.TeamsId)
        {
            return "the confirmation is not this person's";
        }

        var counts = await data.EraseAsync(tenantId, person, cancellationToken);
        var (erased, anonymised) = (counts.Sum(c => c.Erased), counts.Sum(c => c.Anonymised));
        await (erased + anonymised == 0
            ? personal.NoticeAsync(turn, nameof(PersonalDataText.ErasedNothingLeft), cancellationToken)
            : personal.NoticeAsync(turn, nameof(PersonalDataText.ErasedBody), cancellationToken, nameof(PersonalDataText.ErasedTitle), erased, anonymised));
        return null;
    }
}
