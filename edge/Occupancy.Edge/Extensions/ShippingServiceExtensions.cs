using Microsoft.Extensions.Options;
using Occupancy.Edge.Influx;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Operations;
using Occupancy.Edge.Options;
using Occupancy.Edge.Outbox;
using Occupancy.Edge.Uplink;
using OpenTelemetry.Metrics;

namespace Occupancy.Edge.Extensions;

public static class ShippingServiceExtensions
{
    /// <summary>
    /// Registers the durable outbox (and the engine's recovery from it), the jobs that ship it to
    /// InfluxDB and the server, and the operations endpoint with its health checks and metrics.
    /// </summary>
    public static IHostApplicationBuilder AddOutboxAndShipping(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<EdgeMetrics>();
        builder.Services.AddSingleton<OutboxLog>();
        builder.Services.AddSingleton<EngineCheckpoint>();
        builder.Services.AddSingleton<EventRecorder>();
        builder.Services.AddHostedService<OutboxMaintenanceService>();

        builder.Services.AddHttpClient(nameof(InfluxV1Client)).AddTypedClient((http, services) => new InfluxV1Client(http, services.GetRequiredService<IOptions<InfluxOptions>>().Value));
        builder.Services.AddSingleton<InfluxWriterStatus>();
        builder.Services.AddSingleton<InfluxBatchWriter>();
        builder.Services.AddHostedService<InfluxWriterService>();

        builder.Services.AddSingleton<UplinkStatus>();
        builder.Services.AddSingleton<AccessReplicaSync>();
        builder.Services.AddHostedService<UplinkService>();

        var localMeters = new LocalMetersOnly();
        builder.Services.AddSingleton(localMeters);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(EdgeMetrics.MeterName).AddView(localMeters.View).AddPrometheusExporter());
        builder.Services.AddHealthChecks()
            .AddCheck<BrokerHealthCheck>("broker", tags: [OperationsEndpoint.ReadyTag])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [OperationsEndpoint.ReadyTag])
            .AddCheck<InfluxHealthCheck>("influxdb", tags: [OperationsEndpoint.ReadyTag])
            .AddCheck<ServerLinkHealthCheck>("server-link", tags: [OperationsEndpoint.ReadyTag]);
        builder.Services.AddSingleton<OperationsEndpoint>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationsEndpoint>());
        return builder;
    }
}
