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
