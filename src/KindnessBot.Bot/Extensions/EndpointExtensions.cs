using KindnessBot.Bot.Hosting;
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

    /// <summary>The website, privacy statement and terms of use that the Teams app package links to.</summary>
    public static IEndpointRouteBuilder MapInformationPages(this IEndpointRouteBuilder app)
    {
        foreach (var (path, page) in new[] { ("/", "index"), ("/privacy", "privacy"), ("/terms", "terms") })
        {
            var html = ReadPage(page);
            app.MapGet(path, () => Results.Content(html, "text/html; charset=utf-8"));
        }

        return app;
    }

    private static string ReadPage(string name)
    {
        using var stream = typeof(EndpointExtensions).Assembly.GetManifestResourceStream($"KindnessBot.Pages.{name}.html")
            ?? throw new InvalidOperationException($"The {name} page is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(StorageHealthCheck.ReadyTag) });
        return app;
    }
}
