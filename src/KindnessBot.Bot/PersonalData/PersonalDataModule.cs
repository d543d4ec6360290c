using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.Http;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Retention;
using KindnessBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.PersonalData;

public static class PersonalDataModule
{
    /// <summary>
    /// A person's data rights ("my data", "delete my data") over every feature's <see cref="IPersonalDataSource"/>, and
    /// the daily retention run over every <see cref="IRetentionSweep"/>. Features register their own sources and sweeps;
    /// the shared conversations table's are registered here.
    /// </summary>
    public static IHostApplicationBuilder AddPersonalData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStorage(RetentionStorage.Declared);
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RetentionOptions>>().Value);
        services.AddSignedLinks();
        services.AddSingleton<IPersonalDataSource, ConversationPersonalData>();
        services.AddSingleton<IRetentionSweep>(sp => ConversationRetention.Sweep(sp.GetRequiredService<StorageAccount>()));
        services.AddSingleton<PersonalDataService>();
        services.AddSingleton<RetentionRun>();
        services.AddSingleton<PersonalDataLinks>();
        services.AddSingleton<PersonalDataCards>();
        services.AddSingleton<PersonalChatOnly>();
        services.AddSingleton<ITextCommand, MyDataCommand>();
        services.AddSingleton<ITextCommand, DeleteMyDataCommand>();
        services.AddSingleton<ISubmitVerb, EraseVerb>();
        services.AddSingleton<ISubmitVerb, KeepVerb>();
        services.AddHostedService<RetentionWork>();
        return builder;
    }

    /// <summary>A person's data as a file, behind the signed, short-lived link made in their own chat.</summary>
    public static IEndpointRouteBuilder MapPersonalData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/my-data", async (HttpContext http, string? t, PersonalDataLinks links, PersonalDataService data, TenantPolicy tenants, IDailyAllowance allowance, IOptions<AllowanceOptions> limits, CancellationToken cancellationToken) =>
        {
            // Everything about a person: never kept by a browser, a proxy or a shared computer's cache.
            http.Response.Headers.CacheControl = "no-store";
            var culture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
            var token = links.ReadDownload(t);
            if (token.Fields is not [var tenantId, var userId, var name] || !tenants.Serves(tenantId))
            {
                var (text, status) = token.Expired
                    ? (nameof(PersonalDataText.DataFileLinkExpired), StatusCodes.Status410Gone)
                    : (nameof(PersonalDataText.DataFileLinkRefused), StatusCodes.Status404NotFound);
                return Results.Content(Cards.Localisation.Text(text, culture), "text/plain; charset=utf-8", statusCode: status);
            }

            if (!await allowance.TryTakeAsync(tenantId, userId, AllowanceOptions.Exports, limits.Value.ExportsPerDay, cancellationToken))
            {
                var text = string.Format(culture, Cards.Localisation.Text(nameof(PersonalDataText.DataFileAllowanceReached), culture), limits.Value.ExportsPerDay);
                return Results.Content(text, "text/plain; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
            }

            var export = await data.ExportAsync(tenantId, new Person(userId, null, name, tenantId), cancellationToken);
            return Results.File(PersonalDataFile.Write(export, culture), "application/json", "kindnessbot-my-data.json");
        });
        return app;
    }
}
