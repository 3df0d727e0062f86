using Occupancy.Edge.Influx;
using Occupancy.Edge.Ingest;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;
using Occupancy.Edge.Uplink;

namespace Occupancy.Edge.Extensions;

public static class EdgeServiceExtensions
{
    /// <summary>Registers the edge: options, the occupancy engine, the embedded broker and the jobs that ship events.</summary>
    public static IHostApplicationBuilder AddEdge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<InfluxOptions>().BindConfiguration(InfluxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<UplinkOptions>().BindConfiguration(UplinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SiteDirectory>();
        builder.Services.AddSingleton<OccupancyEngine>();
        builder.Services.AddSingleton<EdgeEvents>();
        builder.Services.AddSingleton<RejectionCounter>();
        builder.Services.AddSingleton<DeviceMessageHandler>();
        builder.Services.AddHttpClient<InfluxV1Client>();

        builder.AddMqttIngest();
        builder.Services.AddHostedService<InfluxWriterService>();
        builder.Services.AddHostedService<UplinkService>();
        return builder;
    }
}
