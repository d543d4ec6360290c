using Azure.Core;
using Azure.Core.Pipeline;
using KindnessBot.Core.Recognition;

namespace KindnessBot.Core.Tests.Recognition;

/// <summary>A card submitted twice (a double click, a Teams retry) stores one recognition and asks the recipient once.</summary>
public class OncePerCardTests : RecognitionWorld
{
    [Fact]
    public async Task The_same_card_submitted_twice_stores_one_recognition_and_asks_once()
    {
        var service = NewService();
        var card = NewCardId();

        var first = await GiveAsync(service, Ana, Ben.TeamsId, CareTeam, card);
        Time.Advance(TimeSpan.FromSeconds(2));
        var second = await GiveAsync(service, Ana, Ben.TeamsId, CareTeam, card);

        Assert.Equal((false, true), (first.Duplicate, second.Duplicate));
        Assert.Equal(first.Recognition!.Key, second.Recognition!.Key);
        Assert.Equal(first.Recognition.GivenAt, second.Recognition.GivenAt);
        Assert.Single(await Store.GivenAsync(Tenant, Ana.TeamsId, 10, Cancel));
        Assert.Single(await Store.ReceivedAsync(Tenant, Ben.TeamsId, null, 10, Cancel));
        Assert.Single(await Sent.AskedAsync());
    }

    [Fact]
    public async Task Ten_concurrent_submits_of_one_card_store_one_recognition_and_ask_once()
    {
        var service = NewService();
        var card = NewCardId();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => GiveAsync(service, Ana, Ben.TeamsId, CareTeam, card))).WaitAsync(Cancel);

        Assert.Single(outcomes, o => !o.Duplicate);
        Assert.Single(outcomes.Select(o => o.Recognition!.Key).Distinct());
        Assert.Single(await Store.GivenAsync(Tenant, Ana.TeamsId, 10, Cancel));
        Assert.Single(await Store.ReceivedAsync(Tenant, Ben.TeamsId, null, 10, Cancel));
        Assert.Single(await Sent.AskedAsync());
    }

    [Fact]
    public async Task A_different_card_with_the_same_words_is_a_second_recognition()
    {
        var service = NewService();

        await GiveAsync(service, Ana, Ben.TeamsId, CareTeam);
        await GiveAsync(service, Ana, Ben.TeamsId, CareTeam);

        Assert.Equal(2, (await Store.ReceivedAsync(Tenant, Ben.TeamsId, null, 10, Cancel)).Count);
    }

    [Fact]
    public async Task A_resubmitted_card_restores_the_recipients_copy_when_the_first_submit_stopped_half_way()
    {
        var service = NewService();
        var card = NewCardId();
        var first = await GiveAsync(service, Ana, Ben.TeamsId, CareTeam, card);
        var recipientPartition = TableRecognitionStore.RecipientPartition(Tenant, Ben.TeamsId);
        await Account.Table(RecognitionStorage.TableName).DeleteEntityAsync(recipientPartition, "r|" + first.Recognition!.Key, cancellationToken: Cancel);

        var again = await GiveAsync(service, Ana, Ben.TeamsId, CareTeam, card);

        Assert.True(again.Duplicate);
        Assert.NotNull(await Store.FindReceivedAsync(Tenant, Ben.TeamsId, first.Recognition.Key, Cancel));
    }

    [Fact]
    public async Task A_resubmitted_card_does_not_undo_the_recipients_decision()
    {
        var service = NewService();
        var card = NewCardId();
        var first = await GiveAsync(service, Ana, Ben.TeamsId, CareTeam, card);
        await service.DecideAsync(Tenant, Ben.TeamsId, first.Recognition!.Key, share: false, Cancel);

        await GiveAsync(service, Ana, Ben.TeamsId, CareTeam, card);

        Assert.Equal(ConsentStatus.Private, (await Store.FindReceivedAsync(Tenant, Ben.TeamsId, first.Recognition.Key, Cancel))!.Status);
        Assert.Equal(ConsentStatus.Private, Assert.Single(await Store.GivenAsync(Tenant, Ana.TeamsId, 10, Cancel)).Status);
    }

    [Fact]
    public async Task A_double_submit_that_overtakes_the_first_still_asks_the_recipient_once()
    {
        using var hold = new HoldFirstInsert();
        var slowInstance = NewService(store: new TableRecognitionStore(TablesThrough(hold)));
        var card = NewCardId();
        var first = GiveAsync(slowInstance, Ana, Ben.TeamsId, CareTeam, card);
        await hold.Holding.WaitAsync(TimeSpan.FromSeconds(30), Cancel);

        var second = await GiveAsync(NewService(), Ana, Ben.TeamsId, CareTeam, card);
        hold.Release();
        var firstFailure = await Record.ExceptionAsync(() => first.WaitAsync(TimeSpan.FromSeconds(30), Cancel));

        Assert.True(second.Duplicate);
        Assert.Null(firstFailure);
        Assert.Single(await Sent.AskedAsync());
    }

    /// <summary>Holds the first single-entity insert (the recipient's copy; the giver's rows go in a batch) until released.</summary>
    private sealed class HoldFirstInsert : HttpPipelinePolicy, IDisposable
    {
        private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _released = new(0);
        private int _held;

        public Task Holding => _holding.Task;

        public void Release() => _released.Release();

        public void Dispose() => _released.Dispose();

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessNext(message, pipeline);

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (message.Request.Method == RequestMethod.Post && !message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Exchange(ref _held, 1) == 0)
            {
                _holding.SetResult();
                await _released.WaitAsync(TimeSpan.FromSeconds(30), message.CancellationToken);
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
