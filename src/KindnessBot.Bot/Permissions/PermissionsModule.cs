using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Permissions;

namespace KindnessBot.Bot.Permissions;

public static class PermissionsModule
{
    /// <summary>Leaders' permission statements, the flexible decisions people make with them, and the reminders.</summary>
    public static IHostApplicationBuilder AddPermissions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStorage(PermissionStorage.Declared);
        services.AddSingleton<IPermissionStore, TablePermissionStore>();
        services.AddSingleton<IPermissionNotifier, TeamsPermissionNotifier>();
        services.AddSingleton<PermissionService>();
        services.AddSingleton<PermissionCards>();

        services.AddSingleton<ITextCommand, GivePermissionCommand>();
        services.AddSingleton<ITextCommand, PermissionsCommand>();
        services.AddSingleton<FlexedCommand>();
        services.AddSingleton<ITextCommand>(sp => sp.GetRequiredService<FlexedCommand>());
        services.AddSingleton<ITextCommand, FlexLogCommand>();
        foreach (var preview in new[] { true, false })
        {
            services.AddSingleton<ISubmitVerb>(sp => ActivatorUtilities.CreateInstance<PostStatementVerb>(sp, preview));
        }

        foreach (var verb in new[] { PermissionVerbs.Read, PermissionVerbs.Used, PermissionVerbs.Revoke, PermissionVerbs.Extend })
        {
            services.AddSingleton<ISubmitVerb>(sp => ActivatorUtilities.CreateInstance<StatementButtonVerb>(sp, verb));
        }

        services.AddSingleton<ISubmitVerb, FlexRecordVerb>();
        services.AddHostedService<PermissionReminders>();
        return builder;
    }
}
