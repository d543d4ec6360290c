using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Reflection;
using KindnessBot.Core.Retention;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Reflection;

public static class ReflectionModule
{
    /// <summary>Weekly reflection: schedules, the scheduler (on every instance; prompts go out on the delivery path), answers and summaries.</summary>
    public static IHostApplicationBuilder AddReflection(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStorage(ReflectionStorage.Declared);
        services.AddSingleton(sp => new ReflectionStorage(sp.GetRequiredService<Core.Storage.StorageAccount>()));
        services.AddOptions<ReflectionOptions>().BindConfiguration(ReflectionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReflectionOptions>, ReflectionOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReflectionOptions>>().Value);
        services.AddSingleton(sp => AnswerKey.FromBase64(sp.GetRequiredService<ReflectionOptions>().AnswerSecret!));
        services.AddSingleton<IScheduleStore, TableScheduleStore>();
        services.AddSingleton<SlotStore>();
        services.AddSingleton<AnswerStore>();
        services.AddSingleton<Core.Measures.IMeasureSource, ReflectionMeasureSource>();
        services.AddSingleton<IPersonalDataSource, ReflectionPersonalData>();
        services.AddSingleton<IRetentionSweep>(sp => ReflectionRetention.Answers(sp.GetRequiredService<ReflectionStorage>()));
        services.AddSingleton<IRetentionSweep>(sp => ReflectionRetention.Slots(sp.GetRequiredService<ReflectionStorage>()));
        services.AddSingleton<AnswerService>();
        services.AddSingleton<PromptDelivery>();
        services.AddSingleton<Core.Delivery.IDeliveryReaction>(sp => sp.GetRequiredService<PromptDelivery>());
        services.AddSingleton<Delivery.IDeliveryRenderer, ReflectionRenderer>();
        services.AddSingleton<IReflectionNotifier, TeamsReflectionNotifier>();
        services.AddSingleton<ReflectionService>();
        services.AddSingleton<ReflectionFollowUp>();
        services.AddSingleton<ReflectionCards>();
        services.AddSingleton<Dialogs.IDialogForm, ReflectionAnswerForm>();

        // One id per running instance, recorded on the claims it makes.
        var instance = $"{Environment.MachineName}-{Guid.NewGuid():N}";
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ReflectionScheduler>(sp, instance));

        services.AddSingleton<ReflectionFacts>();
        services.AddSingleton<ITextCommand, ReflectionCommand>();
        services.AddSingleton<ISubmitVerb, SetUpReflectionVerb>();
        foreach (var verb in new[] { ReflectionVerbs.Pause, ReflectionVerbs.Resume, ReflectionVerbs.Skip, ReflectionVerbs.Change })
        {
            services.AddSingleton<ISubmitVerb>(sp => ActivatorUtilities.CreateInstance<ScheduleButtonVerb>(sp, verb));
        }

        services.AddSingleton<ISubmitVerb, AnswerVerb>();
        services.AddHostedService<ReflectionSweeper>();
        return builder;
    }
}
