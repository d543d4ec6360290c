using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Help;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Extensions;

public static class FeatureExtensions
{
    /// <summary>The product: routing, cards and each feature's commands and card verbs.</summary>
    public static IHostApplicationBuilder AddKindnessFeatures(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ConversationRecorder>();
        services.AddSingleton<CardFactory>();
        services.AddSingleton<TextCommandRouter>();
        services.AddSingleton<SubmitRouter>();
        services.AddSingleton<IBot, KindnessActivityHandler>();

        // Help
        services.AddSingleton<ITextCommand, HelpCommand>();
        services.AddSingleton<ISubmitVerb, HelpVerb>();
        return builder;
    }
}
