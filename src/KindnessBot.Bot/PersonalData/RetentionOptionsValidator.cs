using KindnessBot.Core.Retention;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.PersonalData;

/// <summary>Retention settings that cannot be used stop the bot at start-up, with the reason.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
