using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Delivery;

/// <summary>"Save my settings": only in the person's own chat, and only their own settings (the person is who pressed, never a field).</summary>
internal sealed class SaveSettingsVerb(NudgeSettingsStore store, SettingsViews views, TimeProvider time) : SubmitVerb<SettingsForm>
{
    public override string Verb => DeliveryVerbs.SaveSettings;

    protected override Parsed<SettingsForm> Parse(SubmitPayload payload) => SettingsForm.Read(payload, views.OptOutKinds);

    protected override async Task<string?> HandleAsync(ITurnContext turn, SettingsForm command, CancellationToken cancellationToken)
    {
        if (TurnFacts.Where(turn).Kind != ConversationKind.Personal)
        {
            return "settings are saved only in personal chat";
        }

        var person = TurnFacts.Person(turn);
        var now = time.GetUtcNow();
        // Saved under the turn's tenant, where the NudgeGate reads it (TurnFacts.Person never carries one: "" made TableKey throw).
        var saved = await store.ChangeAsync(TurnFacts.Where(turn).TenantId, person.TeamsId, s => s with
        {
            QuietFrom = command.QuietFrom,
            QuietUntil = command.QuietUntil,
            WeekendsQuiet = command.WeekendsQuiet,
            PausedUntil = command.PauseWeeks switch { > 0 => now.AddDays(7 * command.PauseWeeks), SettingsForm.KeepPause => s.PausedUntil, _ => null },
            OptedOut = new HashSet<string>(command.OptedOut.Concat(s.OptedOut.Where(command.Unchanged.Contains)), StringComparer.Ordinal),
        }, cancellationToken);
        var notice = command.QuietFrom == command.QuietUntil ? nameof(DeliveryText.SettingsSavedNoQuiet) : nameof(DeliveryText.SettingsSaved);
        await turn.SendActivityAsync(views.Card(turn, saved, TurnFacts.Text(turn, notice)).ToActivity(), cancellationToken);
        return null;
    }
}
