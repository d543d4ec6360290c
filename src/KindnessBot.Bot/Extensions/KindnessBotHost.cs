namespace KindnessBot.Bot.Extensions;

/// <summary>The whole bot's composition, in one place for Program and for tests that start the host themselves.</summary>
public static class KindnessBotHost
{
    /// <summary>Registers storage, the Teams bot, the features and telemetry.</summary>
    public static IHostApplicationBuilder AddKindnessBot(this IHostApplicationBuilder builder)
    {
        builder.AddKindnessStorage();
        builder.AddTeamsBot();
        builder.AddKindnessFeatures();
        builder.AddKindnessTelemetry();
        return builder;
    }

    /// <summary>Maps the health checks, the messaging endpoint, the information pages and the appraisal download.</summary>
    public static WebApplication MapKindnessBot(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapBotMessages();
        app.MapInformationPages();
        app.MapAppraisalDownload();
        return app;
    }
}
