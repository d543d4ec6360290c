using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Permissions;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Retention;
using KindnessBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Permissions;

public static class PermissionsModule
{
    /// <summary>Leaders' permission statements, the flexible decisions people make with them, and the reminders.</summary>
    public static IHostApplicationBuilder AddPermissions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStorage(PermissionStorage.Declared);
        services.AddOptions<PermissionOptions>().BindConfiguration(PermissionOptions.Section)
            .Validate(o => o.DailyDecisionLimit is > 0 and <= 1000, "Permissions:DailyDecisionLimit must be from 1 to 1000.").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PermissionOptions>>().Value);
        services.AddSingleton<IPermissionStore, TablePermissionStore>();
        services.AddSingleton<IPersonalDataSource, PermissionPersonalData>();
        services.AddSingleton<IRetentionSweep>(sp => PermissionRetention.Sweep(sp.GetRequiredService<StorageAccount>()));
        services.AddSingleton<IPermissionNotifier, TeamsPermissionNotifier>();
        services.AddSingleton<Core.Delivery.IDeliveryReaction, PermissionDelivery>();
        services.AddSingleton<Delivery.IDeliveryRenderer, PermissionRenderer>();
        services.AddSingleton<PermissionService>();
        services.AddSingleton<Core.Measures.IMeasureSource, PermissionMeasureSource>();
        services.AddSingleton<Core.Measures.IStorySource, PermissionStories>();
        services.AddSingleton<PermissionCards>();

        services.AddSingleton<ITextCommand, GivePermissionCommand>();
        services.AddSingleton<PermissionsCommand>();
        services.AddSingleton<ITextCommand>(sp => sp.GetRequiredService<PermissionsCommand>());
        services.AddSingleton<FlexedCommand>();
        services.AddSingleton<ITextCommand>(sp => sp.GetRequiredService<FlexedCommand>());
        services.AddSingleton<FlexLogCommand>();
        services.AddSingleton<ITextCommand>(sp => sp.GetRequiredService<FlexLogCommand>());
        foreach (var preview in new[] { true, false })
        {
            services.AddSingleton<ISubmitVerb>(sp => ActivatorUtilities.CreateInstance<PostStatementVerb>(sp, preview));
        }

        foreach (var verb in new[] { PermissionVerbs.Read, PermissionVerbs.Used, PermissionVerbs.Revoke, PermissionVerbs.Extend })
        {
            services.AddSingleton<ISubmitVerb>(sp => ActivatorUtilities.CreateInstance<StatementButtonVerb>(sp, verb));
        }

        services.AddSingleton<ISubmitVerb, FlexRecordVerb>();
        services.AddSingleton<ISubmitVerb, FlexLogPageVerb>();
        services.AddSingleton<ISubmitVerb, PermissionsPageVerb>();
        services.AddHostedService<PermissionReminders>();
        return builder;
    }
}
