using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Mqtt;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Operations;

/// <summary>
/// Unhealthy when devices cannot reach the edge: in embedded mode the broker's listener does not
/// accept a connection; in external mode the edge is not subscribed to the external broker.
/// </summary>
public sealed class BrokerHealthCheck(IOptions<MqttOptions> options, IServiceProvider services) : IHealthCheck
{
    private readonly MqttOptions _options = options.Value;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_options.IsExternal)
        {
            bool connected = (services.GetService<ExternalBrokerIngest>()?.IsConnected ?? false)
                && (services.GetService<ExternalDoorRequests>()?.IsConnected ?? false);
            return connected
                ? HealthCheckResult.Healthy($"subscribed at {_options.External.Host}:{_options.External.Port}")
                : HealthCheckResult.Unhealthy($"not connected to {_options.External.Host}:{_options.External.Port}");
        }

        var (address, port) = _options.Port != 0 ? (_options.BindAddress, _options.Port) : (_options.Tls.BindAddress, _options.Tls.Port);
        var target = IPAddress.Parse(address);
        if (target.Equals(IPAddress.Any) || target.Equals(IPAddress.IPv6Any))
        {
            target = IPAddress.Loopback;
        }

        using var client = new TcpClient(target.AddressFamily);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(target, port, timeout.Token);
            return HealthCheckResult.Healthy($"listening on {address}:{port}");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"nothing accepts connections on {address}:{port}: {ex.Message}");
        }
    }
}
