using Occupancy.Server.Access;

namespace Occupancy.Server.Extensions;

public static class AccessExtensions
{
    /// <summary>Access control: replicas for edges (versioned on save, pushed on change), the access log and its retention.</summary>
    public static IServiceCollection AddAccessControl(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AccessReplicaPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessReplicaPublisher>());
        services.AddSingleton<AccessChangeInterceptor>();
        services.AddSingleton<AccessTransactionInterceptor>();
        services.AddSingleton<EdgeReplicaReports>();
        services.AddSingleton<MemberPseudonyms>();
        services.AddSingleton<AccessLogRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessLogRetention>());
        services.AddScoped<AccessReplicaReader>();
        services.AddScoped<AccessStatusReader>();
        services.AddScoped<AccessLogWriter>();
        services.AddScoped<EdgeAccessLink>();
        return services;
    }
}
