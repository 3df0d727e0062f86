using Microsoft.Extensions.Options;
using Occupancy.Influx;
using Occupancy.Server.Utilisation;

namespace Occupancy.Server.Extensions;

public static class UtilisationExtensions
{
    /// <summary>
    /// Utilisation from InfluxDB: the "Influx" and "UsageRollup" options (validated on start), the shared v1 client, the
    /// report builder and the background service that keeps the daily roll-up in step with the edges.
    /// </summary>
    public static IServiceCollection AddUtilisation(this IServiceCollection services)
    {
        services.AddOptions<UtilisationInfluxOptions>().BindConfiguration(UtilisationInfluxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(nameof(InfluxV1Client))
            .AddTypedClient((http, provider) => new InfluxV1Client(http, provider.GetRequiredService<IOptions<UtilisationInfluxOptions>>().Value));
        services.AddScoped<DeskUsageReader>();
        services.AddScoped<DailyUsageRollup>();
        services.AddScoped<UtilisationReporter>();
        services.AddOptions<UsageRollupOptions>().BindConfiguration(UsageRollupOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UsageRollupService>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageRollupService>());
        return services;
    }
}
