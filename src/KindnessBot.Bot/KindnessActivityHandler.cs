using KindnessBot.Bot.Resources;
using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Conversations;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot;

/// <summary>
/// Routes Teams activities and does nothing else: every turn first keeps the conversation on record, then
/// typed messages go to the text router, card submits to the submit router, installs get the welcome card (and found
/// the team's first leader).
/// </summary>
internal sealed class KindnessActivityHandler(
    ConversationRecorder recorder,
    TextCommandRouter commands,
    SubmitRouter submits,
    CommonCards cards,
    LeaderService leaders,
    IEnumerable<IPersonalChatObserver> personalChatObservers,
    IEnumerable<IInvokeHandler> invokeHandlers,
    PersonScopes scopes) : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var sighting = SightingReader.Read(turnContext.Activity);
        var recorded = await recorder.RecordAsync(sighting, cancellationToken);
        if (sighting.Event == SightingEvent.Installed && sighting.Conversation.Kind != ConversationKind.Personal)
        {
            // The first installer becomes the first leader, once: a reinstall (by anyone) or a retry founds nothing.
            await leaders.FoundAsync(sighting.Conversation, TurnFacts.Person(turnContext), cancellationToken);
        }

        if (recorded == SightingOutcome.Activated)
        {
            var welcome = sighting.Conversation.Kind == ConversationKind.Personal
                ? cards.WelcomePersonal(turnContext.Activity.Locale)
                : await cards.WelcomeTeamAsync(sighting.Conversation, turnContext.Activity.Locale, cancellationToken);
            await turnContext.SendActivityAsync(welcome.ToActivity(), cancellationToken);
        }

        if (sighting is { Event: SightingEvent.Uninstalled, Conversation: { Kind: ConversationKind.Channel, TeamId: { } removedFrom } })
        {
            await scopes.TeamRemovedAsync(sighting.Conversation.TenantId, removedFrom, cancellationToken);
        }

        if (recorded != SightingOutcome.Unchanged && sighting.Conversation.Kind == ConversationKind.Personal)
        {
            // The first time this person is seen here: features may have things waiting for them.
            foreach (var observer in personalChatObservers)
            {
                await observer.PersonalChatStartedAsync(sighting.Conversation.TenantId, turnContext.Activity.From.Id, cancellationToken);
            }
        }

        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Value is not null)
        {
            // Action.Submit arrives as a message whose value is the button's data merged with the card's inputs.
            if (await submits.RouteAsync(turnContext, activity.Value as JToken, cancellationToken) is not null)
            {
                await turnContext.SendActivityAsync(cards.BadSubmit(activity.Locale).ToActivity(), cancellationToken);
            }

            return;
        }

        await commands.RouteAsync(turnContext, cancellationToken);
    }

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (invokeHandlers.FirstOrDefault(h => h.Names.Contains(turnContext.Activity.Name, StringComparer.Ordinal)) is { } handler)
        {
            return await handler.HandleAsync(turnContext, cancellationToken);
        }

        if (turnContext.Activity.Name != "adaptiveCard/action")
        {
            return new InvokeResponse { Status = 400, Body = new { error = "KindnessBot does not handle this kind of request." } };
        }

        // Action.Execute: {"action": {"type": "Action.Execute", "verb": …, "data": {…}}}; the verb joins the data.
        var action = (turnContext.Activity.Value as JObject)?["action"] as JObject;
        var data = action?["data"] as JObject ?? [];
        var envelope = new JObject(data.Properties().Where(p => p.Name != "verb")) { ["verb"] = action?["verb"]?.DeepClone() };
        var problem = await submits.RouteAsync(turnContext, envelope, cancellationToken);
        var locale = (turnContext.Activity as Activity)?.Locale;
        var value = problem is null
            ? new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = (object)"OK" }
            : new { statusCode = 400, type = "application/vnd.microsoft.error", value = (object)new { code = "BadRequest", message = Localisation.Text(nameof(Strings.BadSubmitBody), Localisation.Culture(locale)) } };
        return new InvokeResponse { Status = 200, Body = value };
    }

    // Installs, removals and renames are handled in OnTurnAsync for every activity type; here, people joining or
    // leaving a team keep the membership index current.
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (SightingReader.MembershipChange(turnContext.Activity) is not { } change)
        {
            return;
        }

        if (change.Joined.Count > 0)
        {
            await scopes.MembersJoinedAsync(change.TenantId, change.TeamId, change.Joined, cancellationToken);
        }

        if (change.Left.Count > 0)
        {
            await scopes.MembersLeftAsync(change.TenantId, change.TeamId, change.Left, cancellationToken);
        }
    }

    protected override Task OnInstallationUpdateActivityAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) => Task.CompletedTask;
}
