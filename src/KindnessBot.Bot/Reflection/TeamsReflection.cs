using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.Reflection;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace KindnessBot.Bot.Reflection;

/// <summary>
/// Posts a prompt card in its channel through the Teams connector, turning what Teams answers into an outcome the
/// prompt worker can act on. It never retries itself: retries go through the queue, within the fleet's limits.
/// </summary>
internal sealed class TeamsPromptSender(IConversationStore conversations, ProactiveSender sender, CardFactory cards, TimeProvider time) : IPromptSender
{
    private const string Locale = "en-GB";

    public async Task<SendOutcome> SendAsync(PromptMessage prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var channel = await conversations.FindAsync(prompt.TenantId, prompt.ConversationId, cancellationToken);
        if (channel is null || channel.IsRemoved)
        {
            return SendOutcome.GiveUp("KindnessBot is no longer in that channel or chat.");
        }

        try
        {
            var id = await sender.SendAsync(channel, cards.Prompt(prompt, 0, closed: false, Locale).ToActivity(), cancellationToken);
            return SendOutcome.Delivered(id ?? string.Empty);
        }
        catch (ErrorResponseException ex) when (ex.Response is not null)
        {
            var status = (int)ex.Response.StatusCode;
            var reason = $"Teams answered {status} ({ex.Response.StatusCode}).";
            return SendOutcome.Classify(status) switch
            {
                SendResult.Transient => SendOutcome.TryLater(reason, RetryAfter(ex.Response)),
                _ => SendOutcome.GiveUp(reason),
            };
        }
    }

    private TimeSpan? RetryAfter(Microsoft.Rest.HttpResponseMessageWrapper response)
    {
        if (response.Headers is null || !response.Headers.TryGetValue("Retry-After", out var values))
        {
            return null;
        }

        var value = values.FirstOrDefault();
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(Math.Min(seconds, 3600))
            : DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at - time.GetUtcNow()
            : null;
    }
}

/// <summary>The prompt card's count and closing, the leader's summary and failure reports, sent proactively (en-GB).</summary>
internal sealed class TeamsReflectionNotifier(IConversationStore conversations, ProactiveSender sender, CardFactory cards, LeaderOptions leaders) : IReflectionNotifier
{
    private const string Locale = "en-GB";

    public async Task UpdatePromptAsync(PromptMessage prompt, string activityId, int answerCount, bool closed, CancellationToken cancellationToken)
    {
        var channel = await conversations.FindAsync(prompt.TenantId, prompt.ConversationId, cancellationToken);
        if (channel is null || channel.IsRemoved)
        {
            return;
        }

        // The answer is saved either way; if Teams refuses, the next answer (or the closing) updates the card again.
        await sender.TryUpdateAsync(channel, activityId, cards.Prompt(prompt, answerCount, closed, Locale).ToActivity(), cancellationToken);
    }

    /// <summary>To the leader who set reflection up and, if someone else, whoever added the bot to the team (its leaders until the product has roles).</summary>
    public async Task<bool> SendSummaryAsync(ReflectionSchedule schedule, PromptMessage prompt, IReadOnlyList<ReflectionAnswer> answers, CancellationToken cancellationToken)
    {
        var team = await conversations.FindAsync(schedule.TenantId, schedule.TeamId, cancellationToken);
        var summary = cards.ReflectionSummary(team?.TeamName ?? schedule.TeamId, prompt, answers, Locale);
        return await SendPersonallyAsync(schedule.TenantId, [schedule.CreatedBy, team?.InstalledBy], summary, cancellationToken);
    }

    public async Task ReportFailureAsync(ReflectionSchedule schedule, PromptMessage prompt, string? reason, CancellationToken cancellationToken)
    {
        var team = await conversations.FindAsync(schedule.TenantId, schedule.TeamId, cancellationToken);
        var culture = Localisation.Culture(Locale);
        var notice = cards.Notice(
            Localisation.Text("FailureTitle", culture),
            string.Format(culture, Localisation.Text("FailureText", culture), team?.TeamName ?? schedule.TeamId, reason ?? "unknown"));
        await SendPersonallyAsync(schedule.TenantId, [schedule.CreatedBy, .. leaders.Admins], [notice], cancellationToken);
    }

    /// <summary>
    /// Sends the cards to each person's own chat with the bot, once per person (a fresh activity for each send: sending
    /// fills an activity in for its conversation); true if anyone had a chat.
    /// </summary>
    private async Task<bool> SendPersonallyAsync(string tenantId, IEnumerable<string?> people, IReadOnlyList<CardMessage> cardsToSend, CancellationToken cancellationToken)
    {
        var delivered = false;
        foreach (var person in people.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await conversations.FindPersonalAsync(tenantId, person, cancellationToken) is not { IsRemoved: false } chat)
            {
                continue;
            }

            foreach (var card in cardsToSend)
            {
                await sender.SendAsync(chat, card.ToActivity(), cancellationToken);
            }

            delivered = true;
        }

        return delivered;
    }
}

/// <summary>
/// Every <see cref="ReflectionSettings.SweepInterval"/>, on every instance: claims and enqueues the prompts that are due
/// (exactly once across instances) and follows up the ones that closed or failed.
/// </summary>
internal sealed class ReflectionSweeper(IServiceProvider services, TimeProvider time, Microsoft.Extensions.Options.IOptions<ReflectionSettings> settings, ILogger<ReflectionSweeper> logger)
    : Extensions.PeriodicWork(time, logger)
{
    protected override string Name => "A reflection sweep";

    protected override TimeSpan Interval => settings.Value.SweepInterval;

    protected override bool Enabled => settings.Value.Background;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ReflectionScheduler>().SweepAsync(cancellationToken);
        await services.GetRequiredService<ReflectionFollowUp>().SweepAsync(cancellationToken);
    }
}

/// <summary>Runs this instance's prompt worker: takes due prompts off the queue and posts them within Teams' limits.</summary>
internal sealed partial class PromptWorkerService(IServiceProvider services, Microsoft.Extensions.Options.IOptions<ReflectionSettings> settings, ILogger<PromptWorkerService> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!settings.Value.Background)
        {
            return;
        }

        var worker = services.GetRequiredService<PromptWorker>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await worker.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
                await Task.Delay(Pause, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reflection prompt worker stopped unexpectedly; starting it again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>The bot's own reflection settings (Core's scheduler and worker settings are <see cref="ReflectionOptions"/>, in the same section).</summary>
public sealed class ReflectionSettings
{
    public const string Section = "Reflection";

    /// <summary>
    /// At least 32 random bytes, base64: the key of the hash that lets a person change an anonymous answer without the
    /// answer keeping who they are (docs/privacy.md). Keep it in Key Vault or app settings; changing it means people
    /// cannot change answers they gave before.
    /// </summary>
    public string? AnswerSecret { get; set; }

    /// <summary>Whether this instance runs the scheduler and prompt worker (tests that drive them step by step turn it off).</summary>
    public bool Background { get; set; } = true;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class ReflectionSettingsValidator : Microsoft.Extensions.Options.IValidateOptions<ReflectionSettings>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ReflectionSettings options)
    {
        var failures = new List<string>();
        if (!IsSecret(options.AnswerSecret))
        {
            failures.Add("Set Reflection:AnswerSecret to at least 32 random bytes in base64 (for example the output of 'openssl rand -base64 32'). It keeps anonymous reflection answers anonymous; keep it in Key Vault or app settings, never in the repository.");
        }

        if (options.SweepInterval < TimeSpan.FromSeconds(1) || options.SweepInterval > TimeSpan.FromMinutes(15))
        {
            failures.Add("Reflection:SweepInterval must be from 1 second to 15 minutes.");
        }

        return failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSecret(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var written) && written >= AnswerKey.MinimumSecretBytes;
    }
}
