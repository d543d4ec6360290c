using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Recognition;
using KindnessBot.Bot.Tests.Cards;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.People;
using KindnessBot.Core.Recognition;
using Microsoft.Extensions.DependencyInjection;
using Rec = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Bot.Tests.Recognition;

public sealed class RecognitionCardSamples : ICardSamples
{
    public static Rec Sample() => new()
    {
        TenantId = "tenant",
        Key = "0000000000000000001-0000abcd",
        GiverId = "29:alex",
        GiverName = "Alex Wilber",
        RecipientId = "29:megan",
        RecipientName = "Megan Bowen",
        Text = "Megan stayed late to help a family who were lost, and made them a cup of tea. **Not bold** <at>Nobody</at>",
        Commitments = [Commitment.Listening, Commitment.Reflective],
        GiverHopesToShare = true,
        CelebrateInConversationId = "19:team",
        CelebrateInTeamName = "Care Team",
        GivenAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero),
    };

    public IEnumerable<CardMessage> Samples(IServiceProvider services, string locale)
    {
        var cards = services.GetRequiredService<RecognitionCards>();
        var sample = Sample();
        var shared = sample with { Status = ConsentStatus.Shared };
        var people = new[] { new Person("29:megan", null, "Megan Bowen", null), new Person("29:adele", null, "Adele Vance", null) };
        var lookBack = new KindnessLookBack([sample, shared], [sample], new Dictionary<Commitment, int> { [Commitment.Listening] = 2, [Commitment.Reflective] = 1 });
        var nothing = new KindnessLookBack([], [], new Dictionary<Commitment, int>());
        var download = new Uri("https://kindnessbot.example/appraisal?t=x");
        return
        [
            cards.Recognise(people, [("19:team", "Care Team")], null, locale), cards.Recognise(people, null, "> quoted message", locale),
            cards.Consent(sample, locale), cards.Consent(sample with { CelebrateInConversationId = null }, locale),
            cards.Celebration(shared, locale), cards.GiverOutcome(shared, locale), cards.GiverOutcome(sample with { Status = ConsentStatus.Private }, locale),
            cards.LookBack(lookBack, 0, locale), cards.LookBack(nothing, 0, locale),
            cards.AppraisalPeriod(locale), cards.AppraisalSummary(lookBack, 6, download, locale), cards.AppraisalSummary(nothing, 3, download, locale),
        ];
    }
}
