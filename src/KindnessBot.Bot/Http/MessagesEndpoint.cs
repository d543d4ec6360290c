using System.Text;
using KindnessBot.Bot.Extensions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace KindnessBot.Bot.Http;

/// <summary>
/// POST /api/messages, the way Teams calls it. In order: size (413), bearer token present when credentials are
/// configured (401), JSON (400), shape (400), token valid (401), then the turn. Unknown activity types are
/// acknowledged and ignored. No response ever carries exception text.
/// </summary>
internal sealed partial class MessagesEndpoint(
    KindnessAdapter adapter,
    BotFrameworkAuthentication authentication,
    IBot bot,
    IOptions<BotCredentialsOptions> credentials,
    IOptions<MessagesEndpointOptions> options,
    TenantPolicy tenants,
    ILogger<MessagesEndpoint> logger)
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        MaxDepth = 32,
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    });

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var cancellationToken = http.RequestAborted;
        var body = await ReadBodyAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, "The activity is larger than this bot accepts.");
            return;
        }

        string authHeader = request.Headers.Authorization.ToString();
        if (credentials.Value.IsConfigured && string.IsNullOrWhiteSpace(authHeader))
        {
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, "A Bot Framework token is required.");
            return;
        }

        var activity = Parse(body);
        var problem = activity is null ? "the body is not a JSON activity" : ActivityGate.Problem(activity);
        if (activity is null || problem is not null)
        {
            LogRejected(logger, problem);
            await RefuseAsync(http, StatusCodes.Status400BadRequest, $"This activity cannot be processed: {problem}.");
            return;
        }

        AuthenticateRequestResult authenticated;
        try
        {
            authenticated = await authentication.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Unauthorised, malformed, expired, forged, or a token that could not be checked: none may reach the bot.
            LogUnauthenticated(logger, ex.GetType().Name, ex.Message);
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, "The Bot Framework token is not valid.");
            return;
        }

        if (!tenants.Serves(ActivityGate.TenantId(activity)!))
        {
            LogOtherTenant(logger, ActivityGate.TenantId(activity)!);
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "This bot does not serve that organisation.");
            return;
        }

        if (!ActivityGate.IsHandledType(activity.Type))
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var invokeResponse = await adapter.RunTurnAsync(authenticated, activity, bot.OnTurnAsync, cancellationToken);
        await WriteInvokeResponseAsync(http, activity, invokeResponse);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Activity? Parse(byte[] body)
    {
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body), Encoding.UTF8));
            return Serializer.Deserialize<Activity>(reader);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    private static async Task WriteInvokeResponseAsync(HttpContext http, Activity activity, InvokeResponse? invokeResponse)
    {
        if (activity.Type != ActivityTypes.Invoke || invokeResponse is null)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        http.Response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(JsonConvert.SerializeObject(invokeResponse.Body), http.RequestAborted);
        }
    }

    private static Task RefuseAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = message }, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity from tenant {TenantId}, which this deployment does not serve")]
    private static partial void LogOtherTenant(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an activity: {Problem}")]
    private static partial void LogRejected(ILogger logger, string? problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an activity whose token did not authenticate ({ExceptionType}: {Reason})")]
    private static partial void LogUnauthenticated(ILogger logger, string exceptionType, string reason);
}
