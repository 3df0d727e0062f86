using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Occupancy.Edge.Mqtt;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Operations;

/// <summary>
/// Unhealthy when devices cannot reach the edge: in embedded mode one of the broker's listeners (plain
/// MQTT, TLS) does not accept a connection; in external mode the edge is not subscribed to the external broker.
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

        // Every listener devices may use: plain MQTT and the TLS port, which the site's devices use.
        var listeners = new List<(string Address, int Port)>();
        if (_options.Port != 0)
        {
            listeners.Add((_options.BindAddress, _options.Port));
        }

        if (_options.Tls.Enabled)
        {
            listeners.Add((_options.Tls.BindAddress, _options.Tls.Port));
        }

        if (listeners.Count == 0)
        {
            return HealthCheckResult.Unhealthy("no device port: Mqtt:Port is 0 and TLS is off");
        }

        foreach (var (address, port) in listeners)
        {
            if (await AcceptsAsync(address, port, cancellationToken) is { } failure)
            {
                return HealthCheckResult.Unhealthy($"nothing accepts connections on {address}:{port}: {failure}");
            }
        }

        return HealthCheckResult.Healthy("listening on " + string.Join(" and ", listeners.Select(l => $"{l.Address}:{l.Port}")));
    }

    /// <summary>Null when a TCP connection to the listener succeeds, else why not.</summary>
    private static async Task<string?> AcceptsAsync(string address, int port, CancellationToken cancellationToken)
    {
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
            return null;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return ex.Message;
        }
    }
}
