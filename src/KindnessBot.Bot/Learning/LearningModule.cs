using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.Http;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Learning;
using KindnessBot.Core.Measures;
using KindnessBot.Core.Privacy;
using KindnessBot.Core.Storage;

namespace KindnessBot.Bot.Learning;

public static class LearningModule
{
    /// <summary>
    /// The Learning commitment: every feature's measures counted per team and week as they happen (after the turn, by
    /// <see cref="MeasureWriterService"/>), the dashboard, the story of change and "rebuild aggregates".
    /// </summary>
    public static IHostApplicationBuilder AddLearning(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStorage(LearningStorage.Declared);
        services.AddSingleton(sp => new WeeklyAggregates(sp.GetRequiredService<StorageAccount>().Table(LearningStorage.TableName), sp.GetRequiredService<PrivacyKeys>().Tags));
        services.AddSingleton<MeasureWriter>();
        services.AddSingleton<IMeasures>(sp => sp.GetRequiredService<MeasureWriter>());
        services.AddHostedService<MeasureWriterService>();
        services.AddSingleton<LearningService>();
        services.AddSingleton<AggregateRebuild>();
        services.AddSingleton<Core.Retention.IRetentionSweep>(sp => new LearningRetention(sp.GetRequiredService<StorageAccount>().Table(LearningStorage.TableName), sp.GetRequiredService<TimeProvider>()));
        services.AddSignedLinks();
        services.AddSingleton<LearningLinks>();
        services.AddSingleton<LearningCards>();
        services.AddSingleton<LearningViews>();
        services.AddSingleton<ITextCommand, DashboardCommand>();
        services.AddSingleton<ITextCommand, RebuildCommand>();
        services.AddSingleton<ISubmitVerb, DashboardVerb>();
        services.AddSingleton<ISubmitVerb, OrganisationVerb>();
        services.AddSingleton<ISubmitVerb, StoryVerb>();
        return builder;
    }

    /// <summary>
    /// The dashboard's chart (a PNG for the card, behind a long-lived signed link that draws only what the card shows) and
    /// the story of change with its CSV (behind a signed link of minutes, for the leader it names, checked again on opening).
    /// </summary>
    public static IEndpointRouteBuilder MapLearning(this IEndpointRouteBuilder app)
    {
        app.MapGet("/" + LearningLinks.ChartPath, async (HttpContext http, string? t, LearningLinks links, LearningService learning, CancellationToken cancellationToken) =>
        {
            if (links.ReadChart(t) is not { } grant)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "private, max-age=3600";
            var figures = await learning.FiguresAsync(grant.TenantId, grant.ScopeId, grant.Period, cancellationToken);
            return Results.File(DashboardChart.Png(figures, Cards.Localisation.Culture(null)), "image/png");
        });
        app.MapGet("/" + LearningLinks.StoryPath, (HttpContext http, string? t, CancellationToken cancellationToken) => StoryAsync(http, t, csv: false, cancellationToken));
        app.MapGet("/" + LearningLinks.CsvPath, (HttpContext http, string? t, CancellationToken cancellationToken) => StoryAsync(http, t, csv: true, cancellationToken));
        return app;
    }

    private static async Task<IResult> StoryAsync(HttpContext http, string? token, bool csv, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var culture = Cards.Localisation.Culture(null);
        // A leader's own story: never kept by a browser, a proxy or a shared computer's cache, and nothing on the page may
        // load from anywhere.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (services.GetRequiredService<LearningLinks>().ReadStory(token) is not { } grant)
        {
            return Results.Content(Cards.Localisation.Text(nameof(LearningText.StoryLinkExpired), culture), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var conversations = services.GetRequiredService<Core.Conversations.IConversationStore>();
        var scope = await conversations.ListTeamAsync(grant.TenantId, grant.ScopeId, cancellationToken) is [var channel, ..] ? channel
            : await conversations.FindAsync(grant.TenantId, grant.ScopeId, cancellationToken);
        var (story, _) = scope is null
            ? (null, LearningRefusal.NotALeader)
            : await services.GetRequiredService<LearningService>().StoryAsync(scope, new Core.People.Person(grant.UserId, null, "", grant.TenantId), grant.Weeks, cancellationToken);
        if (story is null)
        {
            return Results.Content(Cards.Localisation.Text(nameof(LearningText.StoryLinkNotLeader), culture), "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        return csv
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(StoryCsv.Write(story, culture)), "text/csv; charset=utf-8", "story-of-change.csv")
            : Results.Content(StoryPage.Write(story, culture), "text/html; charset=utf-8");
    }
}

/// <summary>
/// Writes the measures features hand over, on every instance, for as long as the host runs. The writer is resolved once
/// the host has started, so settings are validated first (it needs the privacy keys).
/// </summary>
internal sealed class MeasureWriterService(IServiceProvider services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await services.GetRequiredService<MeasureWriter>().RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
