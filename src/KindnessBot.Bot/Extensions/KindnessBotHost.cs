using KindnessBot.Bot.Audit;
using KindnessBot.Bot.Blockers;
using KindnessBot.Bot.Delivery;
using KindnessBot.Bot.Dialogs;
using KindnessBot.Bot.Help;
using KindnessBot.Bot.Leaders;
using KindnessBot.Bot.Learning;
using KindnessBot.Bot.Listening;
using KindnessBot.Bot.Permissions;
using KindnessBot.Bot.PersonalData;
using KindnessBot.Bot.Recognition;
using KindnessBot.Bot.Reflection;

namespace KindnessBot.Bot.Extensions;

/// <summary>The whole bot's composition, in one place for Program and for tests that start the host themselves.</summary>
public static class KindnessBotHost
{
    /// <summary>Storage, the Teams bot, what features share, the one delivery path, then one line per feature, and telemetry.</summary>
    public static IHostApplicationBuilder AddKindnessBot(this IHostApplicationBuilder builder)
    {
        builder.AddKindnessStorage();
        builder.AddTeamsBot();
        builder.AddSharedServices();
        builder.AddDelivery();
        builder.AddDialogs();
        builder.AddAudit();
        builder.AddHelp();
        builder.AddLeaders();
        builder.AddRecognition();
        builder.AddPermissions();
        builder.AddReflection();
        builder.AddBlockers();
        builder.AddListening();
        builder.AddLearning();
        builder.AddPersonalData();
        builder.AddKindnessTelemetry();
        return builder;
    }

    /// <summary>Maps the health checks, the messaging endpoint, the information pages and what features serve.</summary>
    public static WebApplication MapKindnessBot(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapBotMessages();
        app.MapInformationPages();
        app.MapRecognition();
        app.MapPersonalData();
        app.MapLearning();
        return app;
    }
}
