using KindnessBot.Bot.Conversations;
using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Delivery;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Retention;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Delivery;

public static class DeliveryModule
{
    /// <summary>
    /// The one delivery path every feature's proactive messages take (the outbox, the worker on every instance, Teams'
    /// limits for the whole fleet, quiet hours and the day's nudge), people's own settings, and the admins' status.
    /// </summary>
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Every wave shard this deployment uses is created (and checked by readiness) like any declared table or queue.
        services.AddStorage(DeliveryStorage.DeclaredWith(Math.Clamp(builder.Configuration.GetValue("Delivery:WaveShards", DeliveryStorage.DefaultWaveShards), 1, 64)));
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section)
            .Validate(o => o.AppCeilingPerSecond is > 0 and <= 1000, "Delivery:AppCeilingPerSecond must be above 0 and at most 1000.")
            .Validate(o => o.WaveShards is >= 1 and <= 64, "Delivery:WaveShards must be from 1 to 64.")
            .Validate(o => o.WorkerConcurrency is >= 2 and <= 512 && o.ReservedForSingles >= 1 && o.ReservedForSingles < o.WorkerConcurrency, "Delivery:WorkerConcurrency must be from 2 to 512, with ReservedForSingles from 1 to below it.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 100 && o.NudgesPerDay is >= 0 and <= 24 && o.DigestLimit is >= 1 and <= 10, "Delivery:MaxAttempts (1-100), NudgesPerDay (0-24) or DigestLimit (1-10) is out of range.")
            .Validate(o => QuietHours.TryFindZone(o.DefaultTimeZone, out _), "Delivery:DefaultTimeZone must be an IANA time zone, such as Europe/London.")
            .Validate(o => !o.InstallForPeople || !string.IsNullOrWhiteSpace(o.TeamsAppCatalogId), "Delivery:InstallForPeople needs Delivery:TeamsAppCatalogId, the app's id in the tenant's app catalog.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DeliveryOptions>>().Value);
        services.AddSingleton(sp => new DeliveryStorage(sp.GetRequiredService<Core.Storage.StorageAccount>(), sp.GetRequiredService<DeliveryOptions>().WaveShards));
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<NudgeSettingsStore>();
        services.AddSingleton<QuietHours>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<DeliveryOutbox>();
        services.AddSingleton<DeliveryRoute>();
        services.AddSingleton<NudgeGate>();
        services.AddSingleton<FleetSendPacer>();
        services.AddSingleton<ConversationPacer>();
        services.AddSingleton<DeliveryReactions>();
        services.AddSingleton<IDeliverySender, TeamsDeliverySender>();
        services.AddHttpClient<ITeamsAppGraph, TeamsAppGraph>(http =>
        {
            http.BaseAddress = new Uri(TeamsAppGraph.BaseAddress);
            http.Timeout = TimeSpan.FromSeconds(10);
        });
        services.AddSingleton<GraphAppInstaller>();
        services.AddSingleton<IAppInstaller>(sp => sp.GetRequiredService<DeliveryOptions>().InstallForPeople ? sp.GetRequiredService<GraphAppInstaller>() : new NoAppInstaller());
        services.AddSingleton<IPersonalChatObserver, ParkedDeliveries>();
        services.AddSingleton<IPersonalDataSource, DeliveryPersonalData>();
        services.AddSingleton<IRetentionSweep>(sp => DeliveryRetention.Outbox(sp.GetRequiredService<DeliveryStorage>(), sp.GetRequiredService<TimeProvider>()));

        // One id per running instance, recorded on the leases it takes.
        var instance = $"{Environment.MachineName}-{Guid.NewGuid():N}";
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DeliveryWorker>(sp, instance));
        services.AddHostedService<DeliveryWorkerService>();

        services.AddSingleton<DeliveryCards>();
        services.AddSingleton<SettingsViews>();
        services.AddSingleton<ITextCommand, SettingsCommand>();
        services.AddSingleton<ITextCommand, DeliveryStatusCommand>();
        services.AddSingleton<ISubmitVerb, SaveSettingsVerb>();
        return builder;
    }
}
