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
        return builder;
    }
}
