using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Reflection;
using KindnessBot.Bot.Tests.Cards;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace KindnessBot.Bot.Tests.Reflection;

public sealed class ReflectionCardSamples : ICardSamples
{
    public IEnumerable<CardMessage> Samples(IServiceProvider services, string locale)
    {
        var cards = services.GetRequiredService<ReflectionCards>();
        var day = CardSamples.Day;
        var schedule = new ReflectionSchedule
        {
            TenantId = "tenant", TeamId = "19:team", ConversationId = "19:team", Day = DayOfWeek.Tuesday, LocalTime = new TimeOnly(9, 30), TimeZoneId = "Europe/London",
            Commitments = [Commitment.Reflective, Commitment.Listening], CreatedBy = "29:lee", CreatedByName = "Lee Lead", CreatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var prompt = PromptMessage.For(schedule, ReflectionCalendar.SlotOn(schedule, day));
        var answers = Enumerable.Range(1, ReflectionSummaryCard.AnswersPerCard + 2)
            .Select(i => new ReflectionAnswer($"Answer {i}: a busy week, but we looked after each other. **not bold**", i % 6 == 0 ? null : (i % 5) + 1, i % 3 != 0, i % 3 == 0 ? "29:megan" : null, i % 3 == 0 ? "Megan Bowen" : null, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero)))
            .ToList();
        return
        [
            cards.ReflectionForm(null, "Europe/London", null, locale), cards.ReflectionForm(schedule, null, "19:team", locale),
            cards.ReflectionStatus(schedule, ReflectionCalendar.SlotOn(schedule, day), "Thank you. Reflection is set up.", locale), cards.ReflectionStatus(schedule with { Paused = true }, null, null, locale),
            cards.Prompt(prompt, 0, false, locale), cards.Prompt(prompt, 7, false, locale), cards.Prompt(prompt, 7, true, locale), cards.AnswerForm(prompt, locale),
            .. cards.ReflectionSummary("Care Team", prompt, answers, locale), .. cards.ReflectionSummary("Care Team", prompt, [], locale),
        ];
    }
}
