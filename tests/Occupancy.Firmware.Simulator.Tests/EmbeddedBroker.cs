using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Occupancy.Testing;

namespace Occupancy.Firmware.Simulator.Tests;

/// <summary>
/// A real MQTTnet broker on a free 127.0.0.1 port, as the edge embeds it. It records every
/// CONNECT and every PUBLISH it accepts, and can refuse logins and restart on the same port.
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private MqttServer? _server;

    private EmbeddedBroker(int port)
    {
        Port = port;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Decides whether a login is accepted; refused logins get "bad user name or password".</summary>
    public Func<ValidatingConnectionEventArgs, bool> AcceptLogin { get; set; } = _ => true;

    /// <summary>While set and not completed, client publishes wait for their PUBACK.</summary>
    public TaskCompletionSource? HoldAcknowledgements { get; set; }

    /// <summary>Every CONNECT seen, accepted or not, in order.</summary>
    public ConcurrentQueue<ConnectAttempt> ConnectAttempts { get; } = new();

    /// <summary>Every PUBLISH from a client this broker instance received, in order.</summary>
    public ConcurrentQueue<ReceivedMessage> Published { get; private set; } = new();

    public static async Task<EmbeddedBroker> StartAsync()
    {
        for (int attempt = 1; ; attempt++)
        {
            var broker = new EmbeddedBroker(FreeTcpPort.Next());
            try
            {
                await broker.StartAgainAsync();
                return broker;
            }
            catch (SocketException) when (attempt < 3)
            {
                // Someone took the port between asking and binding.
                await broker.DisposeAsync();
            }
        }
    }

    /// <summary>Stops the broker: every client loses its connection; retained messages are gone with it.</summary>
    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync(new MqttServerStopOptions());
            server.Dispose();
        }
    }

    /// <summary>Starts a fresh broker on the same port, with an empty record of publishes.</summary>
    public async Task StartAgainAsync()
    {
        if (_server is not null)
        {
            throw new InvalidOperationException("The broker is running.");
        }

        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(Port)
            .WithDefaultEndpointReuseAddress()
            .Build();
        var server = factory.CreateMqttServer(options);
        server.ValidatingConnectionAsync += e =>
        {
            bool accepted = AcceptLogin(e);
            ConnectAttempts.Enqueue(new ConnectAttempt(e.ClientId, e.UserName, DateTime.UtcNow, accepted));
            if (!accepted)
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        };
        server.InterceptingPublishAsync += async e =>
        {
            var message = e.ApplicationMessage;
            if (!string.IsNullOrEmpty(e.ClientId) && HoldAcknowledgements is { } hold)
            {
                // The publisher's PUBACK waits for this, as the edge's waits for a durable write.
                await hold.Task;
            }

            Published.Enqueue(new ReceivedMessage(message.Topic, message.ConvertPayloadToString(), message.Retain, e.ClientId));
        };
        Published = new ConcurrentQueue<ReceivedMessage>();
        await server.StartAsync();
        _server = server;
    }

    public async Task<int> ConnectedClientCountAsync() => _server is null ? 0 : (await _server.GetClientsAsync()).Count;

    public async Task<string?> RetainedPayloadAsync(string topic)
    {
        var message = _server is null ? null : await _server.GetRetainedMessageAsync(topic);
        return message?.ConvertPayloadToString();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public sealed record ConnectAttempt(string ClientId, string UserName, DateTime At, bool Accepted);
}
