using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using KindnessBot.Bot.Hosting;
using KindnessBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Extensions;

public static class StorageExtensions
{
    /// <summary>The storage account (tables and queues), the one-off creation of what features declare, and the readiness check.</summary>
    public static IHostApplicationBuilder AddKindnessStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton<TokenCredential>(sp => CreateCredential(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.UsesConnectionString
                ? new TableServiceClient(options.ConnectionString)
                : new TableServiceClient(options.TableEndpoint, sp.GetRequiredService<TokenCredential>());
        });
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.UsesConnectionString
                ? new QueueServiceClient(options.ConnectionString)
                : new QueueServiceClient(options.QueueEndpoint, sp.GetRequiredService<TokenCredential>());
        });
        builder.Services.AddSingleton(sp => new StorageAccount(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<QueueServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix));
        builder.Services.AddHostedService<StorageCreator>();
        // One instance for the host's life: it shares one check among concurrent callers and reuses its result.
        builder.Services.AddSingleton<StorageHealthCheck>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("storage", sp => sp.GetRequiredService<StorageHealthCheck>(), failureStatus: null, tags: [StorageHealthCheck.ReadyTag]));
        return builder;
    }

    private static DefaultAzureCredential CreateCredential(StorageOptions options) =>
        new(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });
}
