using KindnessBot.Bot.Conversations;
using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.Http;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Recognition;
using KindnessBot.Core.Retention;
using KindnessBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Recognition;

public static class RecognitionModule
{
    /// <summary>Recognising a colleague's kindness (consent first), looking back at it, and the appraisal summary.</summary>
    public static IHostApplicationBuilder AddRecognition(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStorage(RecognitionStorage.Declared);
        services.AddOptions<RecognitionOptions>().BindConfiguration(RecognitionOptions.Section)
            .Validate(o => o.DailyLimit is > 0 and <= 1000, "Recognition:DailyLimit must be from 1 to 1000.").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RecognitionOptions>>().Value);
        services.AddOptions<AppraisalOptions>().BindConfiguration(AppraisalOptions.Section).ValidateOnStart();
        services.AddSignedLinks();
        services.AddSingleton<IRecognitionStore, TableRecognitionStore>();
        services.AddSingleton<IPersonalDataSource, RecognitionPersonalData>();
        services.AddSingleton<IRetentionSweep>(sp => RecognitionRetention.Sweep(sp.GetRequiredService<StorageAccount>()));
        services.AddSingleton<Delivery.IDeliveryRenderer, RecognitionRenderer>();
        services.AddSingleton<RecognitionService>();
        services.AddSingleton<Core.Measures.IMeasureSource, RecognitionMeasureSource>();
        services.AddSingleton<Core.Measures.IStorySource, RecognitionStories>();
        services.AddSingleton<RecognitionCards>();
        services.AddSingleton<AppraisalLinks>();

        services.AddSingleton<RecogniseCommand>();
        services.AddSingleton<ITextCommand>(sp => sp.GetRequiredService<RecogniseCommand>());
        services.AddSingleton<MyKindnessCommand>();
        services.AddSingleton<ITextCommand>(sp => sp.GetRequiredService<MyKindnessCommand>());
        services.AddSingleton<ITextCommand, AppraisalCommand>();
        services.AddSingleton<GiveVerb>();
        services.AddSingleton<ISubmitVerb>(sp => sp.GetRequiredService<GiveVerb>());
        services.AddSingleton<ISubmitVerb, RecogniseStartVerb>();
        services.AddSingleton<ISubmitVerb, ConsentVerb>();
        services.AddSingleton<ISubmitVerb, MyKindnessPageVerb>();
        services.AddSingleton<ISubmitVerb, AppraisalSummaryVerb>();
        services.AddSingleton<IInvokeHandler, MessageExtensionHandler>();
        return builder;
    }

    /// <summary>A person's appraisal summary as a file, behind the signed, short-lived link made in their own chat.</summary>
    public static IEndpointRouteBuilder MapRecognition(this IEndpointRouteBuilder app)
    {
        app.MapGet("/appraisal-summary", async (HttpContext http, string? t, AppraisalLinks links, RecognitionService recognitions, TimeProvider time, CancellationToken cancellationToken) =>
        {
            // A person's own summary: never kept by a browser, a proxy or a shared computer's cache.
            http.Response.Headers.CacheControl = "no-store";
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
}
