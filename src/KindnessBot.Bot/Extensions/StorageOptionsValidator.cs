using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Extensions;

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

        if (!KindnessBot.Core.Storage.StorageAccount.IsValidPrefix(options.TablePrefix))
        {
            failures.Add("Storage:TablePrefix is up to 20 letters and digits, starting with a letter.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
