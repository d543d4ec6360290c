using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Extensions;

/// <summary>
/// Where the data lives. Locally: a connection string (Azurite). In Azure: the account's endpoints and a
/// managed identity, with no key anywhere.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableEndpoint { get; set; }

    public Uri? QueueEndpoint { get; set; }

    /// <summary>Client id of the user-assigned managed identity; empty to let DefaultAzureCredential choose.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefixed to every table name, so deployments or test runs can share an account.</summary>
    public string TablePrefix { get; set; } = "";

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!options.UsesConnectionString && options.TableEndpoint is null)
        {
            failures.Add("Set Storage:ConnectionString (local development) or Storage:TableEndpoint (Azure, with a managed identity).");
        }

        if (options.UsesConnectionString && options.TableEndpoint is not null)
        {
            failures.Add("Set either Storage:ConnectionString or Storage:TableEndpoint, not both.");
        }

        if (options.TableEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Storage:TableEndpoint must be an absolute https address.");
        }

        if (!options.UsesConnectionString && options.TableEndpoint is not null && (options.QueueEndpoint is not { IsAbsoluteUri: true } queues || queues.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Storage:QueueEndpoint must be the account's absolute https queue address (weekly reflection prompts go through a queue).");
        }

        if (!KindnessBot.Core.Storage.KindnessTables.IsValidPrefix(options.TablePrefix))
        {
            failures.Add("Storage:TablePrefix is up to 20 letters and digits, starting with a letter.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
