using KindnessBot.Bot.Cards;
using KindnessBot.Core.People;
using KindnessBot.Core.Recognition;
using Rec = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Bot.Recognition;

/// <summary>Every card of recognising a colleague and looking back at kindness.</summary>
public sealed class RecognitionCards : CardSet
{
    /// <param name="teams">From a chat, the teams it could be celebrated in; null in a channel (it is celebrated there).</param>
    public CardMessage Recognise(IReadOnlyList<Person> candidates, IReadOnlyList<(string TeamId, string Name)>? teams, string? prefilledText, string? locale) =>
        Fresh(RecogniseCard.Build(candidates, teams, Guid.NewGuid().ToString("N"), prefilledText, Culture(locale)));

    public CardMessage Consent(Rec recognition, string? locale) => Fresh(ConsentCard.Build(recognition, Culture(locale)));

    public CardMessage Celebration(Rec recognition, string? locale) => Fresh(CelebrationCard.Build(recognition, Culture(locale)));

    public CardMessage GiverOutcome(Rec recognition, string? locale) => Fresh(GiverOutcomeCard.Build(recognition, Culture(locale)));

    public CardMessage LookBack(KindnessLookBack lookBack, int page, string? locale) => Fresh(LookBackCard.Build(lookBack, page, Culture(locale)));

    public CardMessage AppraisalPeriod(string? locale) => Cached(locale, AppraisalCard.ChoosePeriod);

    public CardMessage AppraisalSummary(KindnessLookBack received, int months, Uri download, string? locale) =>
        Fresh(AppraisalCard.Summary(received, months, download, Culture(locale)));
}
