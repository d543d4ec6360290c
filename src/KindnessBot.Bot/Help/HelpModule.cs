using KindnessBot.Bot.Routing;

namespace KindnessBot.Bot.Help;

public static class HelpModule
{
    /// <summary>"help" (and its aliases) and the "See what I can do" button.</summary>
    public static IHostApplicationBuilder AddHelp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ITextCommand, HelpCommand>();
        builder.Services.AddSingleton<ISubmitVerb, HelpVerb>();
        return builder;
    }
}
