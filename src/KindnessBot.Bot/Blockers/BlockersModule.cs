using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Blockers;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Retention;

namespace KindnessBot.Bot.Blockers;

public static class BlockersModule
{
    /// <summary>Blockers (the Systemic commitment): reporting (named or anonymous), the team's list, leaders' responses and the reporter's news.</summary>
    public static IHostApplicationBuilder AddBlockers(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStorage(BlockerStorage.Declared);
        services.AddSingleton(sp => new BlockerStorage(sp.GetRequiredService<Core.Storage.StorageAccount>()));
        services.AddSingleton<BlockerStore>();
        services.AddSingleton<BlockerService>();
        services.AddSingleton<Core.Measures.IMeasureSource, BlockerMeasureSource>();
        services.AddSingleton<Core.Measures.IStorySource, BlockerStories>();
        services.AddSingleton<BlockerDigests>();
        services.AddHostedService<BlockerDigestSweeper>();
        services.AddSingleton<IPersonalDataSource, BlockerPersonalData>();
        services.AddSingleton<IRetentionSweep, BlockerRetention>();
        services.AddSingleton<BlockerCards>();
        services.AddSingleton<BlockerViews>();
        services.AddSingleton<BlockerReplies>();
        services.AddSingleton<BlockerReportForm>();
        services.AddSingleton<Dialogs.IDialogForm>(sp => sp.GetRequiredService<BlockerReportForm>());
        services.AddSingleton<Dialogs.IDialogForm, BlockerRespondForm>();
        services.AddSingleton<Delivery.IDeliveryRenderer, BlockerRenderer>();
        services.AddSingleton<ITextCommand, BlockerCommand>();
        services.AddSingleton<ITextCommand, BlockersCommand>();
        services.AddSingleton<ISubmitVerb, SendReportVerb>();
        services.AddSingleton<ISubmitVerb, AffectsMeVerb>();
        services.AddSingleton<ISubmitVerb, DigestVerb>();
        foreach (var verb in new[] { BlockerVerbs.Move, BlockerVerbs.Merge, BlockerVerbs.Pass })
        {
            services.AddSingleton<ISubmitVerb>(sp => ActivatorUtilities.CreateInstance<RespondVerb>(sp, verb));
        }

        return builder;
    }
}
