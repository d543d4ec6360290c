using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Audit;
using KindnessBot.Core.PersonalData;
using KindnessBot.Core.Retention;
using KindnessBot.Core.Storage;

namespace KindnessBot.Bot.Audit;

public static class AuditModule
{
    /// <summary>The audit log every feature writes leader actions to, and "audit" for admins to read it.</summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStorage(AuditStorage.Declared);
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<IPersonalDataSource, AuditPersonalData>();
        services.AddSingleton<IRetentionSweep>(sp => AuditRetention.Sweep(sp.GetRequiredService<StorageAccount>()));
        services.AddSingleton<AuditCards>();
        services.AddSingleton<AuditCommand>();
        services.AddSingleton<ITextCommand>(sp => sp.GetRequiredService<AuditCommand>());
        services.AddSingleton<ISubmitVerb, AuditPageVerb>();
        return builder;
    }
}
