using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KindnessBot.Bot.Http;

public static class SignedLinksExtensions
{
    /// <summary>
    /// The one link signer, for every feature that makes links; safe to call from each of them. "Links:*" settings, or
    /// the older "Appraisal:*" ones where those are not set, so deployments made before the shared key keep working.
    /// </summary>
    public static IServiceCollection AddSignedLinks(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(SignedLinks)))
        {
            return services;
        }

        services.AddOptions<LinkOptions>().BindConfiguration(LinkOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(configuration[LinkOptions.Section + ":SigningKey"]))
                {
                    options.SigningKey = configuration["Appraisal:LinkSigningKey"];
                    options.SigningKeySetting = "Appraisal:LinkSigningKey";
                }

                if (string.IsNullOrWhiteSpace(configuration[LinkOptions.Section + ":PublicBaseUrl"]) && configuration["Appraisal:PublicBaseUrl"] is { Length: > 0 } older)
                {
                    options.PublicBaseUrl = new Uri(older);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinkOptions>, LinkOptionsValidator>());
        services.AddSingleton<SignedLinks>();
        return services;
    }
}
