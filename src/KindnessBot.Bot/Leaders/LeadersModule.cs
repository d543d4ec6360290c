using KindnessBot.Bot.Routing;

namespace KindnessBot.Bot.Leaders;

public static class LeadersModule
{
    /// <summary>"leaders" and its card's buttons. Who leads (the one check, the leaders table) is shared: AddSharedServices.</summary>
    public static IHostApplicationBuilder AddLeaders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<LeaderCards>();
        services.AddSingleton<LeaderScopes>();
        services.AddSingleton<LeaderViews>();
        services.AddSingleton<ITextCommand, LeadersCommand>();
        foreach (var verb in new[] { LeaderVerbs.Add, LeaderVerbs.Remove })
        {
            services.AddSingleton<ISubmitVerb>(sp => ActivatorUtilities.CreateInstance<LeaderChangeVerb>(sp, verb));
        }

        return builder;
    }
}
