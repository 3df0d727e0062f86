using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using MQTTnet.AspNetCore;
using MQTTnet.Server;
using Occupancy.Edge.Options;

namespace Occupancy.Edge.Mqtt;

/// <summary>
/// The embedded broker's sockets, on Kestrel's transport rather than MQTTnet's own TCP listener.
/// MQTTnet's listener reads each packet with three unbuffered reads (type, length, body) and a
/// thread hop for each; Kestrel reads into pipes and MQTTnet parses packets out of the buffer,
/// which measured about a third less CPU per device message (docs/benchmarks.md, "Edge ingest").
/// TLS is Kestrel's too, on the TLS port only.
/// </summary>
public sealed class BrokerListener : IAsyncDisposable
{
    private readonly WebApplication _host;

    private BrokerListener(WebApplication host) => _host = host;

    /// <summary>The handler MQTTnet's server takes as its only adapter: every accepted connection goes to it.</summary>
    public static MqttConnectionHandler CreateHandler() => new();

    /// <summary>The embedded broker's MQTTnet settings: a device may have this many messages waiting to be sent to it.</summary>
    public static MqttServerOptions ServerOptions() => new MqttServerOptionsBuilder().WithMaxPendingMessagesPerClient(10_000).Build();

    public static async Task<BrokerListener?> StartAsync(MqttOptions options, MqttConnectionHandler handler, CancellationToken cancellationToken)
    {
        if (options.Port == 0 && !options.Tls.Enabled)
        {
            return null; // no device port at all: commands may still be injected in-process
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();

        // A device's packet is parsed where the socket read completes instead of after a hop to
        // the thread pool; what runs there is short (parse, check, append in memory) and never blocks.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (options.Port != 0)
            {
                kestrel.Listen(IPAddress.Parse(options.BindAddress), options.Port, listen => listen.Run(handler.OnConnectedAsync));
            }

            if (options.Tls.Enabled)
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.Tls.CertificatePath, options.Tls.CertificatePassword, X509KeyStorageFlags.Exportable);
                kestrel.Listen(IPAddress.Parse(options.Tls.BindAddress), options.Tls.Port, listen =>
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificate = certificate, SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 });
                    listen.Run(handler.OnConnectedAsync);
                });
            }
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new BrokerListener(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
    }
}
