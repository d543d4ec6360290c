using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Extensions;

/// <summary>Says at start-up, from the configuration in force, that the bot is running without authentication.</summary>
internal sealed partial class StartupNotice(IOptions<BotCredentialsOptions> credentials, IConfiguration configuration, ILogger<StartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!credentials.Value.IsConfigured)
        {
            LogNotice(logger, configuration["urls"] ?? "loopback");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No bot credentials are configured (MicrosoftAppId is empty): this is local development, so KindnessBot listens on loopback only ({Urls}) and does not check who is calling.")]
    private static partial void LogNotice(ILogger logger, string urls);
}
