using KindnessBot.Bot.Cards;
using KindnessBot.Core.Reflection;

namespace KindnessBot.Bot.Reflection;

/// <summary>Every card of weekly reflection: the set-up form and status, the prompt, and the leader's summary.</summary>
public sealed class ReflectionCards(Dialogs.Dialogs dialogs) : CardSet
{
    public CardMessage AnswerForm(PromptMessage prompt, string? locale) => Fresh(PromptCard.Form(prompt, Culture(locale)));

    /// <param name="current">The schedule being changed, or null to set one up.</param>
    /// <param name="teamId">From personal chat, the team being changed (carried by the save button).</param>
    public CardMessage ReflectionForm(ReflectionSchedule? current, string? suggestedZone, string? teamId, string? locale) =>
        Fresh(ReflectionFormCard.Build(current, suggestedZone, teamId, Culture(locale)));

    public CardMessage ReflectionStatus(ReflectionSchedule schedule, PromptSlot? next, string? notice, string? locale) =>
        Fresh(ReflectionStatusCard.Build(schedule, next, notice, Culture(locale)));

    public CardMessage Prompt(PromptMessage prompt, int answerCount, bool closed, string? locale) =>
        Fresh(PromptCard.Build(prompt, answerCount, closed, AnswerButton(prompt, Culture(locale)), Culture(locale)));

    private CardAction AnswerButton(PromptMessage prompt, System.Globalization.CultureInfo culture) =>
        dialogs.Button(Localisation.Text(nameof(ReflectionText.PromptAnswerButton), culture), ReflectionAnswerForm.FormName, new Dictionary<string, object> { ["team"] = prompt.TeamId, ["week"] = prompt.Week });

    public IReadOnlyList<CardMessage> ReflectionSummary(string teamName, PromptMessage prompt, IReadOnlyList<ReflectionAnswer> answers, string? locale) =>
        [.. ReflectionSummaryCard.Build(teamName, prompt, answers, Culture(locale)).Select(card => Fresh(card))];
}
