using Occupancy.Edge.Ingest;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Extensions;

public static class EdgeServiceExtensions
{
    /// <summary>Registers the edge: options, the occupancy engine, the broker side and the jobs that ship events.</summary>
    public static IHostApplicationBuilder AddEdge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<InfluxOptions>().BindConfiguration(InfluxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<UplinkOptions>().BindConfiguration(UplinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SiteDirectory>();
        builder.Services.AddSingleton<OccupancyEngine>();
        builder.Services.AddSingleton<SiteOccupancy>();
        builder.Services.AddSingleton<DeskLiveness>();
        builder.Services.AddHostedService<DeskLivenessService>();
        builder.Services.AddSingleton<RejectionCounter>();
        builder.Services.AddSingleton<DeviceMessageHandler>();
        builder.AddDoorAccess();

        // The outbox first: the engine is rebuilt from it before the broker takes the first message.
        builder.AddOutboxAndShipping();
        builder.AddMqttIngest();
        return builder;
    }
}
