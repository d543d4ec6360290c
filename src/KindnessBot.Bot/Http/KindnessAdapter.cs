using KindnessBot.Bot.Resources;
using KindnessBot.Bot.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace KindnessBot.Bot.Http;

/// <summary>
/// The Bot Framework adapter. Authentication happens in <see cref="MessagesEndpoint"/> so that every failure
/// there is a 401; this adapter only runs the turn. An exception inside a turn is logged once, here, and the
/// person gets a kind card that carries no exception text. The SDK's own logging is kept to warnings and errors:
/// at Information it writes every proactive message's conversation id, and a personal chat's id is a person (a sealed
/// delivery to an anonymous reporter would then name them in the logs).
/// </summary>
internal sealed partial class KindnessAdapter : CloudAdapter
{
    public KindnessAdapter(BotFrameworkAuthentication authentication, ILogger<KindnessAdapter> logger)
        : base(authentication, new WarningsOnly(logger))
    {
        OnTurnError = async (turnContext, exception) =>
        {
            LogTurnFailed(logger, exception, turnContext.Activity.Type);
            if (turnContext.Activity.Type is ActivityTypes.Message)
            {
                try
                {
                    // Built here rather than through CommonCards, which (through the help card's commands) depends on this adapter.
                    var culture = Localisation.Culture(turnContext.Activity.Locale);
                    await turnContext.SendActivityAsync(new CardMessage("CommonCards.Error", ErrorCard.Build(nameof(Strings.ErrorTitle), nameof(Strings.ErrorBody), culture, offerHelp: false)).ToActivity());
                }
                catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
                {
                    LogApologyFailed(logger, sendFailure);
                }
            }
        };
    }

    public Task<InvokeResponse> RunTurnAsync(AuthenticateRequestResult authentication, Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authentication, activity, bot, cancellationToken);

    /// <summary>The SDK's logger: only warnings and errors reach the app's logging.</summary>
    private sealed class WarningsOnly(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {ActivityType} turn failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the apology card after a failed turn")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception);
}
