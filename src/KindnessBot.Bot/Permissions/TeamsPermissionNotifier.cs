using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Conversations;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>Statements, their updates in place, stories and reminders, sent proactively (en-GB, the product's language).</summary>
internal sealed class TeamsPermissionNotifier(ProactiveSender sender, CardFactory cards, TimeProvider time) : IPermissionNotifier
{
    private const string Locale = "en-GB";

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public Task<string?> PostAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken) =>
        sender.SendAsync(where, cards.Statement(statement, Today, Locale).ToActivity(), cancellationToken);

    public Task UpdateAsync(PermissionStatement statement, ConversationRecord where, CancellationToken cancellationToken) =>
        sender.UpdateAsync(where, statement.ActivityId!, cards.Statement(statement, Today, Locale).ToActivity(), cancellationToken);

    public Task PostStoryAsync(FlexDecision decision, PermissionStatement? statement, ConversationRecord where, CancellationToken cancellationToken) =>
        sender.SendAsync(where, cards.Story(decision, statement, Locale).ToActivity(), cancellationToken);

    public Task RemindAsync(PermissionStatement statement, ConversationRecord leaderChat, CancellationToken cancellationToken) =>
        sender.SendAsync(leaderChat, cards.Reminder(statement, Locale).ToActivity(), cancellationToken);
}

/// <summary>Every half hour (on every instance; each reminder is claimed once in storage), sends the due reminders.</summary>
internal sealed partial class PermissionReminders(IServiceProvider services, TimeProvider time, ILogger<PermissionReminders> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved once the host has started, so settings are validated (and reported) before the bot's parts are built.
        await Task.Yield();
        var permissions = services.GetRequiredService<PermissionService>();
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await permissions.SendDueRemindersAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending permission reminders failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
