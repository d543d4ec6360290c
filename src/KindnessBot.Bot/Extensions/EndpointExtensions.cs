using KindnessBot.Bot.Http;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace KindnessBot.Bot.Extensions;

public static class EndpointExtensions
{
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", (HttpContext http, MessagesEndpoint endpoint) => endpoint.HandleAsync(http));
        return app;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(StorageHealthCheck.ReadyTag) });
        return app;
    }
}
