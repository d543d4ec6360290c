using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Help;
using KindnessBot.Bot.Routing;
using KindnessBot.Bot.Conversations;
using KindnessBot.Bot.People;
using KindnessBot.Bot.Permissions;
using KindnessBot.Core.Permissions;
using KindnessBot.Bot.Recognition;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Recognition;
using KindnessBot.Bot.Reflection;
using KindnessBot.Core.Reflection;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Extensions;

public static class FeatureExtensions
{
    /// <summary>The product: routing, cards and each feature's commands and card verbs.</summary>
    public static IHostApplicationBuilder AddKindnessFeatures(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ConversationRecorder>();
        services.AddSingleton<CardFactory>();
        services.AddSingleton<TextCommandRouter>();
        services.AddSingleton<SubmitRouter>();
        services.AddSingleton<IBot, KindnessActivityHandler>();

        services.AddSingleton<ProactiveSender>();
        services.AddSingleton<IPeopleDirectory, TeamsPeopleDirectory>();

        // Help
        services.AddSingleton<ITextCommand, HelpCommand>();
        services.AddSingleton<ISubmitVerb, HelpVerb>();

        // Recognition
        services.AddOptions<RecognitionOptions>().BindConfiguration(RecognitionOptions.Section).Validate(o => o.DailyLimit is > 0 and <= 1000, "Recognition:DailyLimit must be from 1 to 1000.").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RecognitionOptions>>().Value);
        services.AddSingleton<IRecognitionStore, TableRecognitionStore>();
        services.AddSingleton<IRecognitionNotifier, TeamsRecognitionNotifier>();
        services.AddSingleton<RecognitionService>();
        services.AddOptions<AppraisalOptions>().BindConfiguration(AppraisalOptions.Section);
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
        services.AddSingleton<MessageExtensionHandler>();

        // Permission to flex
        services.AddSingleton(sp =>
        {
            var options = new LeaderOptions();
            foreach (var admin in sp.GetRequiredService<IConfiguration>().GetSection(LeaderOptions.Section + ":Admins").Get<string[]>() ?? [])
            {
                options.Admins.Add(admin);
            }

            return options;
        });
        services.AddSingleton<ILeaderPolicy, InstallerOrAdminLeaderPolicy>();
        services.AddSingleton<IPermissionStore, TablePermissionStore>();
        services.AddSingleton<IPermissionNotifier, TeamsPermissionNotifier>();
        services.AddSingleton<PermissionService>();
        services.AddSingleton<PermissionFacts>();
        services.AddSingleton<ITextCommand, GivePermissionCommand>();
        services.AddSingleton<ITextCommand, PermissionsCommand>();
        services.AddSingleton<IFlexedCommand>();
        services.AddSingleton<ITextCommand>(sp => sp.GetRequiredService<IFlexedCommand>());
        services.AddSingleton<ITextCommand, FlexLogCommand>();
        foreach (var preview in new[] { true, false })
        {
            services.AddSingleton<ISubmitVerb>(sp => ActivatorUtilities.CreateInstance<PostStatementVerb>(sp, preview));
        }

        foreach (var verb in new[] { Verbs.PermissionRead, Verbs.PermissionUsed, Verbs.PermissionRevoke, Verbs.PermissionExtend })
        {
            services.AddSingleton<ISubmitVerb>(sp => ActivatorUtilities.CreateInstance<StatementButtonVerb>(sp, verb));
        }

        services.AddSingleton<ISubmitVerb, FlexRecordVerb>();
        services.AddHostedService<PermissionReminders>();

        AddReflection(builder);
        return builder;
    }

    /// <summary>Weekly reflection: schedules, the scheduler and prompt worker (on every instance), answers and summaries.</summary>
    private static void AddReflection(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReflectionSettings>().BindConfiguration(ReflectionSettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReflectionSettings>, ReflectionSettingsValidator>();
        services.AddOptions<ReflectionOptions>().BindConfiguration(ReflectionSettings.Section)
            .Validate(o => o.AppCeilingPerSecond is > 0 and <= 50 && o.MaxAttempts is >= 1 and <= 50 && o.LateWindow >= TimeSpan.Zero && o.WorkerConcurrency is >= 1 and <= 256, "Reflection: AppCeilingPerSecond must be above 0 and at most 50, MaxAttempts from 1 to 50, LateWindow not negative, WorkerConcurrency from 1 to 256.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReflectionOptions>>().Value);
        services.AddSingleton(sp => AnswerKey.FromBase64(sp.GetRequiredService<IOptions<ReflectionSettings>>().Value.AnswerSecret!));
        services.AddSingleton<IScheduleStore, TableScheduleStore>();
        services.AddSingleton<SlotStore>();
        services.AddSingleton<AnswerStore>();
        services.AddSingleton<AnswerService>();
        services.AddSingleton<FleetSendPacer>();
        services.AddSingleton<ConversationPacer>();
        services.AddSingleton<IPromptSender, TeamsPromptSender>();
        services.AddSingleton<IReflectionNotifier, TeamsReflectionNotifier>();
        services.AddSingleton<ReflectionService>();
        services.AddSingleton<ReflectionFollowUp>();

        // One id per running instance, recorded on the claims it makes.
        var instance = $"{Environment.MachineName}-{Guid.NewGuid():N}";
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ReflectionScheduler>(sp, instance));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PromptWorker>(sp, instance));

        services.AddSingleton<ReflectionFacts>();
        services.AddSingleton<ITextCommand, ReflectionCommand>();
        services.AddSingleton<ISubmitVerb, SetUpReflectionVerb>();
        foreach (var verb in new[] { Verbs.ReflectionPause, Verbs.ReflectionResume, Verbs.ReflectionSkip, Verbs.ReflectionChange })
        {
            services.AddSingleton<ISubmitVerb>(sp => ActivatorUtilities.CreateInstance<ScheduleButtonVerb>(sp, verb));
        }

        services.AddSingleton<ISubmitVerb, AnswerVerb>();
        services.AddHostedService<ReflectionSweeper>();
        services.AddHostedService<PromptWorkerService>();
    }
}
