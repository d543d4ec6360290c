using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Conversations;
using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.People;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Roles;
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
        services.AddSingleton(sp => PeopleRetention.Allowances(sp.GetRequiredService<Core.Storage.StorageAccount>()));
        services.AddOptions<AllowanceOptions>().BindConfiguration(AllowanceOptions.Section)
            .Validate(o => o.LeaderChangesPerDay is > 0 and <= 10_000, "Limits:LeaderChangesPerDay must be between 1 and 10000.")
            .Validate(o => o.ExportsPerDay is > 0 and <= 1_000, "Limits:ExportsPerDay must be between 1 and 1000.").ValidateOnStart();
        services.AddRoles();
        services.AddSingleton<PersonScopes>();
        services.AddSingleton<TurnScopes>();
        return builder;
    }

    /// <summary>
    /// Who may do what: the leaders table, the one check, and Microsoft Graph only when its settings are there
    /// (Leaders:AdminGroupId, Leaders:TeamOwnersLead); otherwise no directory is ever asked.
    /// </summary>
    private static void AddRoles(this IServiceCollection services)
    {
        // Read when first needed, not here: hosts (and tests) add configuration after the services are listed.
        services.AddSingleton(sp => LeaderOptionsFrom(sp.GetRequiredService<IConfiguration>()));
        services.AddStorage(RoleStorage.Declared);
        services.AddSingleton<ILeaderStore, TableLeaderStore>();
        services.AddHttpClient<GraphDirectoryRoles>(http =>
        {
            http.BaseAddress = new Uri(GraphDirectoryRoles.BaseAddress);
            http.Timeout = TimeSpan.FromSeconds(5);
        });
        services.AddSingleton<IDirectoryRoles>(sp => sp.GetRequiredService<LeaderOptions>().UsesGraph ? sp.GetRequiredService<GraphDirectoryRoles>() : new NoDirectoryRoles());
        services.AddSingleton<IAuthorisation, Authorisation>();
        services.AddSingleton<LeaderService>();
    }

    private static LeaderOptions LeaderOptionsFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection(LeaderOptions.Section);
        var options = new LeaderOptions
        {
            AdminGroupId = section["AdminGroupId"] is { Length: > 0 } group ? group.Trim() : null,
            TeamOwnersLead = section.GetValue<bool>("TeamOwnersLead"),
        };
        foreach (var admin in section.GetSection("Admins").Get<string[]>() ?? [])
        {
            options.Admins.Add(admin);
        }

        return options;
    }
}
