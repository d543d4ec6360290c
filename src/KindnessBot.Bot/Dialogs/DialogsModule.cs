using KindnessBot.Bot.Routing;

namespace KindnessBot.Bot.Dialogs;

public static class DialogsModule
{
    /// <summary>Forms in Teams dialogs (task/fetch, task/submit), and the fallback for clients without them.</summary>
    public static IHostApplicationBuilder AddDialogs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DialogOptions>().BindConfiguration(DialogOptions.Section);
        services.AddSingleton<Dialogs>();
        services.AddSingleton<DialogForms>();
        services.AddSingleton<IInvokeHandler, DialogInvokes>();
        services.AddSingleton<ISubmitVerb, OpenDialogVerb>();
        return builder;
    }
}
