using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

/// <summary>Every half hour (on every instance; each reminder is claimed once in storage), sends the due reminders.</summary>
internal sealed class PermissionReminders(IServiceProvider services, TimeProvider time, ILogger<PermissionReminders> logger) : Hosting.PeriodicWork(time, logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(30);

    protected override string Name => "Sending permission reminders";

    protected override TimeSpan Interval => Every;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<PermissionService>().SendDueRemindersAsync(cancellationToken);
}
