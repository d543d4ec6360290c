using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using KindnessBot.Bot.Cards.Permissions;
using KindnessBot.Bot.Cards.Recognition;
using KindnessBot.Bot.Cards.Reflection;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Permissions;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Commitments;
using KindnessBot.Core.People;
using KindnessBot.Core.Recognition;
using Rec = KindnessBot.Core.Recognition.Recognition;

namespace KindnessBot.Bot.Cards;

/// <summary>
/// Every card the bot sends, by name (the method's name, and a variant after ':'). Cards that do not depend on the
/// person or the moment are built once per language and kept.
/// </summary>
public sealed class CardFactory(IServiceProvider services)
{
    private readonly ConcurrentDictionary<(string Card, string Culture), CardMessage> _built = new();

    // Resolved when the help card is first built: commands need cards, and the help card lists the commands.
    private ITextCommand[] Commands => [.. services.GetServices<ITextCommand>()];

    public CardMessage WelcomePersonal(string? locale) => Cached(locale, c => WelcomeCard.Build(forTeam: false, c));

    public CardMessage WelcomeTeam(string? locale) => Cached(locale, c => WelcomeCard.Build(forTeam: true, c));

    public CardMessage Help(bool inSharedConversation, string? locale) =>
        Cached(locale, c => HelpCard.Build(Commands, inSharedConversation, c), inSharedConversation ? "shared" : "personal");

    /// <summary>Something failed on the bot's side.</summary>
    public CardMessage Error(string? locale) => Cached(locale, c => ErrorCard.Build("ErrorTitle", "ErrorBody", c, offerHelp: false));

    /// <summary>A card submit that was missing something, malformed or not allowed: nothing was stored.</summary>
    public CardMessage BadSubmit(string? locale) => Cached(locale, c => ErrorCard.Build("BadSubmitTitle", "BadSubmitBody", c, offerHelp: true));

    /// <summary>An action or request this bot does not offer.</summary>
    public CardMessage Unsupported(string? locale) => Cached(locale, c => ErrorCard.Build("ErrorTitle", "UnsupportedAction", c, offerHelp: true));

    /// <param name="teams">From a chat, the teams it could be celebrated in; null in a channel (it is celebrated there).</param>
    public CardMessage Recognise(IReadOnlyList<Person> candidates, IReadOnlyList<(string TeamId, string Name)>? teams, string? prefilledText, string? locale) =>
        Fresh(RecogniseCard.Build(candidates, teams, Guid.NewGuid().ToString("N"), prefilledText, Localisation.Culture(locale)));

    public CardMessage Consent(Rec recognition, string? locale) => Fresh(ConsentCard.Build(recognition, Localisation.Culture(locale)));

    public CardMessage Celebration(Rec recognition, string? locale) => Fresh(CelebrationCard.Build(recognition, Localisation.Culture(locale)));

    public CardMessage GiverOutcome(Rec recognition, string? locale) => Fresh(GiverOutcomeCard.Build(recognition, Localisation.Culture(locale)));

    /// <summary>A short answer: a title and a sentence, either of which may hold names (shown as plain text).</summary>
    public CardMessage Notice(string title, string text) => Fresh(NoticeCard.Build(title, text));

    public CardMessage LookBack(KindnessLookBack lookBack, int page, string? locale) => Fresh(LookBackCard.Build(lookBack, page, Localisation.Culture(locale)));

    public CardMessage AppraisalPeriod(string? locale) => Cached(locale, AppraisalCard.ChoosePeriod);

    public CardMessage AppraisalSummary(KindnessLookBack received, int months, Uri download, string? locale) =>
        Fresh(AppraisalCard.Summary(received, months, download, Localisation.Culture(locale)));

    public CardMessage PermissionForm(DateOnly today, IReadOnlyList<(string TeamId, string Name)>? teams, string? locale) =>
        Fresh(StatementFormCard.Build(today, teams, Localisation.Culture(locale)));

    public CardMessage PermissionPreview(PermissionStatement draft, IReadOnlyDictionary<string, object> post, string? locale) =>
        Fresh(StatementPreviewCard.Build(draft, post, Localisation.Culture(locale)));

    public CardMessage Statement(PermissionStatement statement, DateOnly today, string? locale) => Fresh(StatementCard.Build(statement, today, Localisation.Culture(locale)));

    public CardMessage Reminder(PermissionStatement statement, string? locale) => Fresh(ReminderCard.Build(statement, Localisation.Culture(locale)));

    public CardMessage DecisionForm(IReadOnlyList<Choice> reliedOn, string? selected, string? locale) => Fresh(DecisionFormCard.Build(reliedOn, selected, Localisation.Culture(locale)));

    public CardMessage Story(FlexDecision decision, PermissionStatement? statement, string? locale) => Fresh(StoryCard.Build(decision, statement, Localisation.Culture(locale)));

    public CardMessage PermissionsList(IReadOnlyList<PermissionStatement> statements, IReadOnlyList<FlexDecision> mine, DateOnly today, string? locale) =>
        Fresh(PermissionsListCard.Build(statements, mine, today, Localisation.Culture(locale)));

    public CardMessage FlexLog(FlexLog log, string? locale) => Fresh(FlexLogCard.Build(log, Localisation.Culture(locale)));

    /// <param name="current">The schedule being changed, or null to set one up.</param>
    /// <param name="teamId">From personal chat, the team being changed (carried by the save button).</param>
    public CardMessage ReflectionForm(ReflectionSchedule? current, string? suggestedZone, string? teamId, string? locale) =>
        Fresh(ReflectionFormCard.Build(current, suggestedZone, teamId, Localisation.Culture(locale)));

    public CardMessage ReflectionStatus(ReflectionSchedule schedule, PromptSlot? next, string? notice, string? locale) =>
        Fresh(ReflectionStatusCard.Build(schedule, next, notice, Localisation.Culture(locale)));

    public CardMessage Prompt(PromptMessage prompt, int answerCount, bool closed, string? locale) =>
        Fresh(PromptCard.Build(prompt, answerCount, closed, Localisation.Culture(locale)));

    public IReadOnlyList<CardMessage> ReflectionSummary(string teamName, PromptMessage prompt, IReadOnlyList<ReflectionAnswer> answers, string? locale) =>
        [.. ReflectionSummaryCard.Build(teamName, prompt, answers, Localisation.Culture(locale)).Select(card => Fresh(card))];

    /// <summary>One example of every card, for validation against the Adaptive Cards SDK and for screenshots.</summary>
    public IEnumerable<CardMessage> Samples(string? locale)
    {
        var sample = SampleRecognition();
        var shared = sample with { Status = ConsentStatus.Shared };
        var people = new[] { new Person("29:megan", null, "Megan Bowen", null), new Person("29:adele", null, "Adele Vance", null) };
        var lookBack = new KindnessLookBack([sample, shared], [sample], new Dictionary<Commitment, int> { [Commitment.Listening] = 2, [Commitment.Reflective] = 1 });
        var nothing = new KindnessLookBack([], [], new Dictionary<Commitment, int>());
        var statement = new PermissionStatement
        {
            TenantId = "tenant", ScopeId = "19:team", ConversationId = "19:team", Key = "0000000000000000001-0000abcd", LeaderId = "29:lee", LeaderName = "Lee Lead",
            What = "You can offer a customer a goodwill gesture of up to £50 without asking.", Boundaries = "Once per customer; tell your lead afterwards.",
            Commitments = [Commitment.Permissive], ValidFrom = SampleDay, ValidUntil = SampleDay.AddDays(90), ReadCount = 12, UsedCount = 3,
        };
        var decision = new FlexDecision
        {
            TenantId = "tenant", ScopeId = "19:team", Key = "0000000000000000002-0000abcd", PersonId = "29:alex", PersonName = "Alex Wilber",
            Decided = "Refunded the delivery charge", ForWhom = "a customer whose parcel was late", StatementKey = statement.Key, Outcome = "They stayed with us", ShareAsStory = true,
        };
        var schedule = new ReflectionSchedule
        {
            TenantId = "tenant", TeamId = "19:team", ConversationId = "19:team", Day = DayOfWeek.Tuesday, LocalTime = new TimeOnly(9, 30), TimeZoneId = "Europe/London",
            Commitments = [Commitment.Reflective, Commitment.Listening], CreatedBy = "29:lee", CreatedByName = "Lee Lead", CreatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var prompt = PromptMessage.For(schedule, ReflectionCalendar.SlotOn(schedule, SampleDay));
        var answers = Enumerable.Range(1, ReflectionSummaryCard.AnswersPerCard + 2)
            .Select(i => new ReflectionAnswer($"Answer {i}: a busy week, but we looked after each other. **not bold**", i % 6 == 0 ? null : (i % 5) + 1, i % 3 != 0, i % 3 == 0 ? "29:megan" : null, i % 3 == 0 ? "Megan Bowen" : null, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero)))
            .ToList();
        return
        [
            WelcomePersonal(locale), WelcomeTeam(locale), Help(false, locale), Help(true, locale), Error(locale), BadSubmit(locale), Unsupported(locale),
            Recognise(people, [("19:team", "Care Team")], null, locale), Recognise(people, null, "> quoted message", locale),
            Consent(sample, locale), Consent(sample with { CelebrateInConversationId = null }, locale),
            Celebration(shared, locale), GiverOutcome(shared, locale), GiverOutcome(sample with { Status = ConsentStatus.Private }, locale),
            Notice("Thank you for noticing", "I've let Megan Bowen know, privately."),
            LookBack(lookBack, 0, locale), LookBack(nothing, 0, locale),
            AppraisalPeriod(locale), AppraisalSummary(lookBack, 6, new Uri("https://kindnessbot.example/appraisal?t=x"), locale), AppraisalSummary(nothing, 3, new Uri("https://kindnessbot.example/appraisal?t=x"), locale),
            PermissionForm(SampleDay, [("19:team", "Care Team")], locale), PermissionForm(SampleDay, null, locale),
            PermissionPreview(statement, new Dictionary<string, object> { ["verb"] = Verbs.PermissionPost }, locale),
            Statement(statement, SampleDay, locale), Statement(statement with { Revoked = true }, SampleDay, locale), Statement(statement, SampleDay.AddYears(1), locale),
            Reminder(statement, locale),
            DecisionForm([new Choice("My own judgement", "19:team|own")], null, locale),
            Story(decision, statement, locale), Story(decision, null, locale),
            PermissionsList([statement], [decision], SampleDay, locale), PermissionsList([], [], SampleDay, locale),
            FlexLog(new FlexLog([new StatementLog(statement, 2, [decision])], 1, [decision]), locale),
            ReflectionForm(null, "Europe/London", null, locale), ReflectionForm(schedule, null, "19:team", locale),
            ReflectionStatus(schedule, ReflectionCalendar.SlotOn(schedule, SampleDay), "Thank you. Reflection is set up.", locale), ReflectionStatus(schedule with { Paused = true }, null, null, locale),
            Prompt(prompt, 0, false, locale), Prompt(prompt, 7, false, locale), Prompt(prompt, 7, true, locale),
            .. ReflectionSummary("Care Team", prompt, answers, locale), .. ReflectionSummary("Care Team", prompt, [], locale),
        ];
    }

    private static readonly DateOnly SampleDay = new(2026, 11, 20);

    private static Rec SampleRecognition() => new()
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

    private static CardMessage Fresh(AdaptiveCard card, [CallerMemberName] string name = "") => new(name, card);

    private CardMessage Cached(string? locale, Func<CultureInfo, AdaptiveCard> build, string? variant = null, [CallerMemberName] string name = "")
    {
        var culture = Localisation.Culture(locale);
        var fullName = variant is null ? name : $"{name}:{variant}";
        return _built.GetOrAdd((fullName, culture.Name), key => new CardMessage(key.Card, build(culture)));
    }
}
