using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Listening;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Retention;

namespace KindnessBot.Bot.Listening;

public static class ListeningModule
{
    /// <summary>Listening pulses (the Listening commitment) and the team's statement of what kindness means (Understanding).</summary>
    public static IHostApplicationBuilder AddListening(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStorage(ListeningStorage.Declared);
        services.AddSingleton(sp => new ListeningStorage(sp.GetRequiredService<Core.Storage.StorageAccount>()));
        services.AddSingleton<PulseService>();
        services.AddSingleton<Core.Delivery.IDeliveryReaction>(sp => sp.GetRequiredService<PulseService>());
        services.AddSingleton<KindnessStatements>();
        services.AddSingleton<Core.Measures.IStorySource, StatementStories>();
        services.AddSingleton<IPersonalDataSource, PulsePersonalData>();
        services.AddSingleton<IRetentionSweep, ListeningRetention>();
        services.AddSingleton<ListeningCards>();
        services.AddSingleton<ListeningReplies>();
        services.AddSingleton<PulseCardUpdates>();
        services.AddSingleton<Cards.ITeamStatement, TeamStatementLookup>();
        services.AddSingleton<Delivery.IDeliveryRenderer, PulseRenderer>();
        services.AddSingleton<Dialogs.IDialogForm, PulseAnswerForm>();
        services.AddSingleton<Dialogs.IDialogForm, StatementWriteForm>();
        services.AddSingleton<Dialogs.IDialogForm, StatementSuggestForm>();
        services.AddSingleton<ITextCommand, PulseCommand>();
        services.AddSingleton<ITextCommand, StatementCommand>();
        services.AddSingleton<ISubmitVerb, PulseAskVerb>();
        services.AddSingleton<ISubmitVerb, PulseAnswerVerb>();
        foreach (var verb in new[] { ListeningVerbs.Results, ListeningVerbs.Close })
        {
            services.AddSingleton<ISubmitVerb>(sp => ActivatorUtilities.CreateInstance<PulseLeaderVerb>(sp, verb));
        }

        foreach (var verb in new[] { ListeningVerbs.SaveStatement, ListeningVerbs.RingsTrue, ListeningVerbs.Suggest })
        {
            services.AddSingleton<ISubmitVerb>(sp => ActivatorUtilities.CreateInstance<StatementVerb>(sp, verb));
        }

        return builder;
    }
}
