using KindnessBot.Bot.Cards;
using KindnessBot.Bot.Conversations;
using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.People;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Conversations;
using KindnessBot.Core.People;
using KindnessBot.Core.Privacy;
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
        services.AddSingleton<PrivateReplies>();
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
        services.AddPrivacyKeys();
        services.AddSingleton<PersonScopes>();
        services.AddSingleton<TurnScopes>();
        return builder;
    }

    /// <summary>
    /// The keys that keep anonymous actions anonymous (Core/Privacy), from `Privacy:Secret`, or when that is not set from
    /// `Reflection:AnswerSecret` (held in Key Vault either way; the keys are derived with their own labels, so they are
    /// unrelated to the reflection answer key). Read when first needed: hosts add configuration after the services.
    /// </summary>
    private static void AddPrivacyKeys(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>()
            .Configure<IConfiguration>((o, c) => (o.Secret, o.FromFallback) = c[PrivacyOptions.SecretSetting] is { Length: > 0 } own ? (own, false) : (c[PrivacyOptions.FallbackSetting], true))
            // A missing or weak fallback is reported once, by the reflection settings' own check.
            .Validate(o => o.FromFallback || PrivacyKeys.IsSecret(o.Secret), $"Set {PrivacyOptions.SecretSetting} to at least 32 random bytes in base64 (for example the output of 'openssl rand -base64 32'). It keeps anonymous reports and answers anonymous; keep it in Key Vault or app settings, never in the repository. Leave it unset to use {PrivacyOptions.FallbackSetting}.")
            .ValidateOnStart();
        services.AddSingleton(sp => PrivacyKeys.FromBase64(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PrivacyOptions>>().Value.Secret!));
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
