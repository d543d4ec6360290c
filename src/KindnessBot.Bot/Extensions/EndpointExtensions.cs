using KindnessBot.Bot.Http;
using KindnessBot.Bot.Recognition;
using KindnessBot.Core.Recognition;
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

    /// <summary>A person's appraisal summary as a file, behind the signed, short-lived link made in their own chat.</summary>
    public static IEndpointRouteBuilder MapAppraisalDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet("/appraisal-summary", async (string? t, AppraisalLinks links, RecognitionService recognitions, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (links.Read(t) is not { } grant)
            {
                return Results.Content("This link has expired or is not valid. Ask KindnessBot for your appraisal summary again.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            var received = await recognitions.ReceivedSinceAsync(grant.TenantId, grant.UserId, time.GetUtcNow().AddMonths(-grant.Months), cancellationToken);
            var file = AppraisalFile.Write(received, grant.Months, System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
            return Results.File(System.Text.Encoding.UTF8.GetBytes(file), "text/markdown; charset=utf-8", "kindness-summary.md");
        });
        return app;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(StorageHealthCheck.ReadyTag) });
        return app;
    }
}
