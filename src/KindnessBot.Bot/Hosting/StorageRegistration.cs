using KindnessBot.Core.Storage;

namespace KindnessBot.Bot.Hosting;

public static class StorageRegistration
{
    /// <summary>
    /// Declares a feature's tables and queues: created at start-up, asked by /readyz, and checked against the
    /// deployment and the docs by tests. The one line a feature's module adds for its storage.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IEnumerable<StorageDeclaration> declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        foreach (var item in declared)
        {
            services.AddSingleton(item);
        }

        return services;
    }
}
