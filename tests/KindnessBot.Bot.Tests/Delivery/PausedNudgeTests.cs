using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Recognition;
using KindnessBot.Core.Permissions;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Delivery;

/// <summary>The team host on a moved clock with the wellbeing rules on: quiet hours and one nudge a day. Tuesday 1 December 2026, 09:00 UTC (09:00 in London).</summary>
public sealed class WellbeingHost : ClockedTeamHost
{
    public WellbeingHost()
        : base(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), new() { ["Delivery:QuietHours"] = "true", ["Delivery:NudgesPerDay"] = "1" })
    {
    }
}

/// <summary>A paused person gets no nudge while paused, and nothing is lost: what expired meanwhile is dropped, the rest comes after the pause.</summary>
public class PausedNudgeTests(WellbeingHost clocked) : IClassFixture<WellbeingHost>
{
    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    [Fact]
    public async Task A_paused_person_gets_no_nudge_while_paused_a_reminder_that_expired_meanwhile_is_dropped_and_the_consent_request_comes_after_the_pause()
    {
        var host = clocked.Host;
        var tenant = host.Activities.TenantId;
        var outbox = host.Services.GetRequiredService<OutboxStore>();
        var path = host.Services.GetRequiredService<DeliveryOutbox>();
        await host.SubmitAsync(new JObject
        {
            ["verb"] = "settings-save", ["quietFrom"] = "18:00", ["quietUntil"] = "08:30", ["weekendsQuiet"] = "true", ["pauseWeeks"] = "1",
            ["optout.permissions.reminder"] = "true", ["optout.recognition.outcome"] = "true", ["optout.reflection.summary"] = "true",
        }, "29:p08");
        Assert.Contains("paused until Tuesday 8 December", host.LastIn(Chat("29:p08"))!.Card!.ToString(), StringComparison.Ordinal);
        var sentToHerBefore = host.SentTo(Chat("29:p08")).Count;

        // A reminder that expires on Friday, during the pause, and a recognition from Person 9.
        var reminder = new DeliveryRequest(tenant, "reminder|test|expires-while-paused", PermissionDelivery.Reminder, Recipient.Person("29:p08"), "{}")
        {
            Nudge = true,
            ExpiresAt = clocked.Time.GetUtcNow().AddDays(3),
        };
        await path.EnqueueAsync(reminder, default);
        const string what = "Sat with me while I waited for news.";
        var cardId = Guid.NewGuid().ToString("N");
        await host.SubmitAsync(TeamHost.Give("29:p08", what: what, cardId: cardId), "29:p09");
        var consent = DeliveryRef.Of(RecognitionDelivery.ConsentRequest(tenant, "29:p09", cardId, "29:p08", null));

        await host.DeliverAsync();
        Assert.Equal(sentToHerBefore, host.SentTo(Chat("29:p08")).Count);
        var dropped = await outbox.FindAsync(DeliveryRef.Of(reminder), default);
        Assert.Equal(DeliveryState.Dropped, dropped!.State);
        Assert.Equal("It would have expired during the person's quiet hours or pause.", dropped.Reason);
        Assert.Equal(DeliveryState.Waiting, (await outbox.FindAsync(consent, default))!.State);

        // Every day of the pause, at 09:00 and at 14:00 (outside quiet hours): still nothing for her.
        for (var day = 0; day < 6; day++)
        {
            clocked.Time.Advance(TimeSpan.FromHours(5));
            await host.DeliverAsync();
            clocked.Time.Advance(TimeSpan.FromHours(19));
            await host.DeliverAsync();
        }

        Assert.Equal(sentToHerBefore, host.SentTo(Chat("29:p08")).Count);

        // Tuesday 8 December, 10:00: the pause is over. The worker hid the consent request's queue message until then, but
        // Azurite keeps real time, so on this moved clock it would stay hidden for a real week: a copy of the reference stands
        // for it coming back (a repeat the outbox row makes harmless).
        clocked.Time.Advance(new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero) - clocked.Time.GetUtcNow());
        await host.Services.GetRequiredService<DeliveryStorage>().Singles.SendMessageAsync(consent.ToJson());
        await host.Services.GetRequiredService<DeliveryStorage>().Singles.SendMessageAsync(DeliveryRef.Of(reminder).ToJson());

        bool IsConsent(SentActivity s) => s.ConversationId == Chat("29:p08") && s.Card?.ToString().Contains(what, StringComparison.Ordinal) == true;
        await host.DeliveredAsync(IsConsent, "The consent request after the pause");
        await host.DeliverAsync();
        Assert.Single(host.Connector.Sent, IsConsent);
        Assert.Equal(sentToHerBefore + 1, host.SentTo(Chat("29:p08")).Count); // and not the expired reminder
        Assert.Equal(DeliveryState.Sent, (await outbox.FindAsync(consent, default))!.State);
        Assert.Equal(DeliveryState.Dropped, (await outbox.FindAsync(DeliveryRef.Of(reminder), default))!.State);
    }
}
