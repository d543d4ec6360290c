using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Conversations;
using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.People;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using Microsoft.Bot.Builder;

namespace KindnessBot.Bot.Extensions;

public static class SharedServicesExtensions
{
    /// <summary>
    /// What every feature shares: the clock, conversations on record, routing, the common cards, proactive sends, the
    /// people in a team and who leads there (the one authorisation check).
    /// </summary>
    public static IHostApplicationBuilder AddSharedServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddStorage(ConversationStorage.Declared);
        services.AddSingleton<IConversationStore, TableConversationStore>();
        services.AddSingleton<ConversationRecorder>();
        services.AddSingleton<CommonCards>();
        services.AddSingleton<TextCommandRouter>();
        services.AddSingleton<SubmitRouter>();
        services.AddSingleton<IBot, KindnessActivityHandler>();
        services.AddSingleton<ProactiveSender>();
        services.AddSingleton<IPeopleDirectory, TeamsPeopleDirectory>();
        services.AddStorage(PeopleStorage.Declared);
        services.AddSingleton<IMembershipStore, TableMembershipStore>();
        services.AddSingleton<IDailyAllowance, TableDailyAllowance>();
        services.AddSingleton<Core.PersonalData.IPersonalDataSource, PeoplePersonalData>();
        services.AddOptions<AllowanceOptions>().BindConfiguration(AllowanceOptions.Section)
            .Validate(o => o.LeaderChangesPerDay is > 0 and <= 10_000, "Limits:LeaderChangesPerDay must be between 1 and 10000.").ValidateOnStart();
        services.AddSingleton(sp => LeaderOptionsFrom(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ILeaderPolicy, InstallerOrAdminLeaderPolicy>();
        services.AddSingleton<PersonScopes>();
        services.AddSingleton<TurnScopes>();
        return builder;
    }

    private static LeaderOptions LeaderOptionsFrom(IConfiguration configuration)
    {
        var options = new LeaderOptions();
        foreach (var admin in configuration.GetSection(LeaderOptions.Section + ":Admins").Get<string[]>() ?? [])
        {
            options.Admins.Add(admin);
        }

        return options;
    }
}
