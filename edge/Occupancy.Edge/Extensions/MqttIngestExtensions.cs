using Occupancy.Edge.Devices;
using Occupancy.Edge.Mqtt;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Extensions;

public static class MqttIngestExtensions
{
    /// <summary>Registers how device messages arrive: the embedded broker, or a client of an external broker (<c>Mqtt:Mode</c>).</summary>
    public static IHostApplicationBuilder AddMqttIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DeviceRegistry>();
        builder.Services.AddSingleton<DeviceLogin>();

        bool external = builder.Configuration.GetSection(MqttOptions.Section).Get<MqttOptions>()?.IsExternal == true;
        if (external)
        {
            builder.Services.AddSingleton<ExternalBrokerIngest>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ExternalBrokerIngest>());
            builder.Services.AddSingleton<ExternalDoorRequests>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ExternalDoorRequests>());
            builder.Services.AddSingleton<IDeviceCommandPublisher>(sp => sp.GetRequiredService<ExternalDoorRequests>());
        }
        else
        {
            builder.Services.AddSingleton<EmbeddedBroker>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
            builder.Services.AddSingleton<IDeviceCommandPublisher>(sp => sp.GetRequiredService<EmbeddedBroker>());
        }

        return builder;
    }
}
