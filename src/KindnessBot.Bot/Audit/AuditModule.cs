using KindnessBot.Bot.Hosting;
using KindnessBot.Bot.Routing;
using KindnessBot.Core.Audit;

namespace KindnessBot.Bot.Audit;

public static class AuditModule
{
    /// <summary>The audit log every feature writes leader actions to, and "audit" for admins to read it.</summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStorage(AuditStorage.Declared);
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<AuditCards>();
        services.AddSingleton<AuditCommand>();
        services.AddSingleton<ITextCommand>(sp => sp.GetRequiredService<AuditCommand>());
        services.AddSingleton<ISubmitVerb, AuditPageVerb>();
        return builder;
    }
}
