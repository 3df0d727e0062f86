using Microsoft.Extensions.Options;
using Occupancy.Influx;
using Occupancy.Server.Utilisation;

namespace Occupancy.Server.Extensions;

public static class UtilisationExtensions
{
    /// <summary>Utilisation from InfluxDB: the "Influx" options (validated on start), the shared v1 client, the report builder.</summary>
    public static IServiceCollection AddUtilisation(this IServiceCollection services)
    {
        services.AddOptions<UtilisationInfluxOptions>().BindConfiguration(UtilisationInfluxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(nameof(InfluxV1Client))
            .AddTypedClient((http, provider) => new InfluxV1Client(http, provider.GetRequiredService<IOptions<UtilisationInfluxOptions>>().Value));
        services.AddScoped<DeskUsageReader>();
        services.AddScoped<UtilisationReporter>();
        return services;
    }
}
