using KindnessBot.Bot.Tests.Hosting;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.Recognition;
using KindnessBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace KindnessBot.Bot.Tests.Delivery;

/// <summary>
/// The faults of issue 12, each with a clear outcome in its outbox row and no crash loop: a conversation that was removed,
/// a recipient who uninstalled (403), and queue messages that are not ours. The background worker delivers, as in production.
/// </summary>
public class DeliveryFaultTests(TeamHost host) : IClassFixture<TeamHost>
{
    private static string Chat(string userId) => TeamsActivities.PersonalConversationId(userId);

    private OutboxStore Outbox => host.Services.GetRequiredService<OutboxStore>();

    private DeliveryStorage Storage => host.Services.GetRequiredService<DeliveryStorage>();

    private string Tenant => host.Activities.TenantId;

    private static DeliveryRef ConsentRef(string tenant, string recipient, string giver, string cardId) =>
        DeliveryRef.Of(RecognitionDelivery.ConsentRequest(tenant, giver, cardId, recipient, null));

    private async Task<OutboxEntry> SettledAsync(DeliveryRef at, string what)
    {
        OutboxEntry? row = null;
        await Within.UntilAsync(TimeSpan.FromSeconds(15), async () => (row = await Outbox.FindAsync(at, default)) is { IsSettled: true }, what);
        return row!;
    }

    private async Task<List<string>> PoisonedAsync() =>
        [.. (await Storage.Poison.PeekMessagesAsync(32)).Value.Select(m => m.MessageText)];

    [Fact]
    public async Task A_message_to_a_conversation_that_was_removed_fails_for_it_alone_and_another_recipients_message_is_still_delivered()
    {
        await host.PostAsync(host.Activities.BotAddedToGroupChat("29:alex"));
        var removed = host.Activities.BotAddedToGroupChat("29:alex");
        removed["membersRemoved"] = removed["membersAdded"];
        removed.Remove("membersAdded");
        await host.PostAsync(removed);
        var sentToChat = host.SentTo(TeamsActivities.GroupChatId).Count; // the welcome when it was added
        var conversations = host.Services.GetRequiredService<IConversationStore>();
        await Within.UntilAsync(TimeSpan.FromSeconds(5), async () => await conversations.FindAsync(Tenant, TeamsActivities.GroupChatId, default) is { IsRemoved: true }, "The group chat being recorded as removed");

        // A celebration recorded for the group chat before the bot was removed from it, and a consent request for Person 5.
        var gone = new DeliveryRequest(Tenant, "celebrate|test|removed-chat", RecognitionDelivery.Celebration, Recipient.Conversation(TeamsActivities.GroupChatId), "{}");
        await host.Services.GetRequiredService<DeliveryOutbox>().EnqueueAsync(gone, default);
        const string what = "Swapped shifts so I could see my daughter's play.";
        var cardId = Guid.NewGuid().ToString("N");
        await host.SubmitAsync(TeamHost.Give("29:p05", what: what, cardId: cardId), "29:p06");

        var failed = await SettledAsync(DeliveryRef.Of(gone), "The message to the removed chat being settled");
        Assert.Equal(DeliveryState.Failed, failed.State);
        Assert.Equal("KindnessBot is no longer in that channel or chat.", failed.Reason);
        Assert.Equal(0, failed.Attempts);
        await host.DeliveredAsync(s => s.ConversationId == Chat("29:p05") && s.Card?.ToString().Contains(what, StringComparison.Ordinal) == true, "The consent request reaching Person 5");
        Assert.Equal(DeliveryState.Sent, (await SettledAsync(ConsentRef(Tenant, "29:p05", "29:p06", cardId), "Person 5's consent request being settled")).State);
        Assert.Equal(sentToChat, host.SentTo(TeamsActivities.GroupChatId).Count);
    }

    [Fact]
    public async Task A_recipient_who_uninstalled_the_bot_gets_403_which_is_final_with_no_retry_and_the_reference_in_the_poison_queue()
    {
        const string what = "Drove me home when my car broke down.";
        var cardId = Guid.NewGuid().ToString("N");
        var refusedBefore = host.Connector.Refused;
        host.Connector.RefuseNext(1, 403, only: a => a.ToString().Contains(what, StringComparison.Ordinal));

        await host.SubmitAsync(TeamHost.Give("29:p07", what: what, cardId: cardId), "29:p08");

        var at = ConsentRef(Tenant, "29:p07", "29:p08", cardId);
        var row = await SettledAsync(at, "Person 7's consent request being settled");
        Assert.Equal(DeliveryState.Failed, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("403", row.Reason, StringComparison.Ordinal);
        await host.DeliverAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // several backoffs: a retry would have come by now
        Assert.Equal(refusedBefore + 1, host.Connector.Refused);
        Assert.DoesNotContain(host.Connector.Sent, s => s.Card?.ToString().Contains(what, StringComparison.Ordinal) == true);
        Assert.Equal(1, (await Outbox.FindAsync(at, default))!.Attempts);
        Assert.Contains(at.ToJson(), await PoisonedAsync());
    }

    [Theory]
    [InlineData("this is not JSON {")]
    [InlineData("{\"hello\":\"world\"}")]
    [InlineData("{\"tenantId\":\"\",\"to\":\"Person\",\"recipient\":\"29:p09\",\"key\":\"x\"}")]
    [InlineData("{\"tenantId\":\"t\",\"to\":\"Somewhere\",\"recipient\":\"29:p09\",\"key\":\"x\"}")]
    public async Task A_queue_message_that_is_not_ours_goes_to_the_poison_queue_sends_nothing_and_the_worker_keeps_going(string text)
    {
        var sentBefore = host.Connector.Sent.Count;
        await Storage.Singles.SendMessageAsync(text);

        await Within.UntilAsync(TimeSpan.FromSeconds(15), async () => (await PoisonedAsync()).Contains(text), "The message that is not ours reaching the poison queue");
        Assert.Equal(sentBefore, host.Connector.Sent.Count);

        const string what = "Remembered my name on my first day.";
        await host.SubmitAsync(TeamHost.Give("29:p09", what: what + text.Length), "29:p10");
        await host.DeliveredAsync(s => s.ConversationId == Chat("29:p09") && s.Card?.ToString().Contains(what + text.Length, StringComparison.Ordinal) == true, "A consent request after it, delivered by the same worker");
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("failed unexpectedly", StringComparison.Ordinal));
    }
}

/// <summary>A Retry-After of an hour is honoured: the row waits, with one attempt, and nothing is retried within the test.</summary>
public class RetryAfterAnHourTests(TeamHost host) : IClassFixture<TeamHost>
{
    [Fact]
    public async Task A_429_with_Retry_After_of_an_hour_leaves_the_row_Waiting_with_one_attempt_and_its_queue_message_hidden()
    {
        const string what = "Covered my calls while I was at the hospital.";
        var cardId = Guid.NewGuid().ToString("N");
        host.Connector.RefuseNext(1, 429, retryAfter: "3600", only: a => a.ToString().Contains(what, StringComparison.Ordinal));
        var outbox = host.Services.GetRequiredService<OutboxStore>();
        var storage = host.Services.GetRequiredService<DeliveryStorage>();
        var at = DeliveryRef.Of(RecognitionDelivery.ConsentRequest(host.Activities.TenantId, "29:p12", cardId, "29:p11", null));

        await host.SubmitAsync(TeamHost.Give("29:p11", what: what, cardId: cardId), "29:p12");

        await Within.UntilAsync(TimeSpan.FromSeconds(15), () => Task.FromResult(host.Connector.Refused == 1), "Teams refusing the consent request with 429");
        OutboxEntry? row = null;
        await Within.UntilAsync(TimeSpan.FromSeconds(5), async () => (row = await outbox.FindAsync(at, default)) is { State: DeliveryState.Waiting, Attempts: 1 }, "The row going back to Waiting after the 429");
        Assert.Contains("429", row!.Reason, StringComparison.Ordinal);

        await Task.Delay(TimeSpan.FromSeconds(3)); // fifteen base backoffs: only the hour keeps it back
        await host.DeliverAsync(); // nothing visible to deliver: the queue message is hidden for the hour
        Assert.Equal(1, host.Connector.Refused);
        Assert.DoesNotContain(host.Connector.Sent, s => s.Card?.ToString().Contains(what, StringComparison.Ordinal) == true);
        row = await outbox.FindAsync(at, default);
        Assert.Equal((DeliveryState.Waiting, 1), (row!.State, row.Attempts));
        Assert.Empty((await storage.Singles.PeekMessagesAsync(32)).Value);
        Assert.True((await storage.Singles.GetPropertiesAsync()).Value.ApproximateMessagesCount >= 1, "The queue message is still there, hidden");
        Assert.Equal(TimeSpan.FromHours(1), host.Services.GetRequiredService<DeliveryWorker>().Backoff(1, TimeSpan.FromSeconds(3600)));
    }
}
