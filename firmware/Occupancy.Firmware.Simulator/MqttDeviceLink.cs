using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// The device's MQTT connection over an MQTTnet 5 client, with the behaviour of nanoFramework's
/// M2Mqtt on a device: <see cref="Publish"/> queues a QoS1 message and returns at once (false
/// only when the bounded queue is full); one pump sends the queue in order and keeps what was
/// not acknowledged across reconnects; the link reconnects with exponential backoff and jitter
/// and, after every (re)connect, calls back so the device logic announces itself.
/// </summary>
public sealed class MqttDeviceLink : IMessageLink, IAsyncDisposable
{
    // A connection must last this long before the backoff starts again from the first delay,
    // so that a broker which accepts and then drops a device at once is not hammered.
    private static readonly TimeSpan StableConnection = TimeSpan.FromSeconds(10);

    private readonly MqttDeviceLinkOptions _options;
    private readonly Action _onConnected;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly Channel<QueuedMessage> _queue;
    private readonly ReconnectBackoff _backoff;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _connectionLost;
    private Task? _run;
    private int _connectAttempts;
    private int _connections;
    private bool _announced;
    private int _stopped;

    public MqttDeviceLink(MqttDeviceLinkOptions options, Action onConnected, ILogger<MqttDeviceLink>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onConnected);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.QueueCapacity);
        _options = options;
        _onConnected = onConnected;
        _logger = logger ?? NullLogger<MqttDeviceLink>.Instance;
        _backoff = new ReconnectBackoff(options.FirstRetryDelay, options.MaxRetryDelay);
        _queue = Channel.CreateBounded<QueuedMessage>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connected, and the device has announced itself on this connection.</summary>
    public bool IsAnnounced => Volatile.Read(ref _announced) && _client.IsConnected;

    /// <summary>CONNECT packets sent so far, refused ones included.</summary>
    public int ConnectAttempts => Volatile.Read(ref _connectAttempts);

    /// <summary>Connections the broker accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Messages queued and not yet acknowledged by the broker.</summary>
    public int Pending => _queue.Reader.Count;

    /// <summary>Starts connecting; completes after the first connection attempt, whether the broker accepted it or not.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_run is not null)
        {
            throw new InvalidOperationException("The link is already started.");
        }

        _run = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return _firstAttempt.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Queues a QoS1 publish; false when the queue is full (the message is dropped, as on the device).</summary>
    public bool Publish(string topic, string payload, bool retain)
    {
        if (Volatile.Read(ref _stopped) != 0)
        {
            return false;
        }

        return _queue.Writer.TryWrite(new QueuedMessage(topic, payload, retain));
    }

    /// <summary>Waits until the device is connected and has announced itself.</summary>
    public async Task WaitUntilAnnouncedAsync(CancellationToken cancellationToken)
    {
        while (!IsAnnounced)
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Drops the connection the way a power cut does: no DISCONNECT, no goodbye, so the broker
    /// publishes the Last Will. The link does not reconnect afterwards.
    /// </summary>
    public async ValueTask AbortAsync()
    {
        if (await StopLoopAsync().ConfigureAwait(false))
        {
            _client.Dispose();
        }
    }

    /// <summary>
    /// An orderly shutdown: gives the queue a moment to drain, publishes the retained
    /// <c>offline</c> itself, then disconnects cleanly.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var drainUntil = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (IsAnnounced && Pending > 0 && DateTime.UtcNow < drainUntil)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        if (!await StopLoopAsync().ConfigureAwait(false))
        {
            return;
        }

        if (_client.IsConnected)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _client.PublishAsync(new QueuedMessage(_options.StatusTopic, StatusPayloads.Offline, true).ToApplicationMessage(), timeout.Token).ConfigureAwait(false);
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                _logger.LogDebug(ex, "Device {DeviceId} could not say goodbye to the broker", _options.DeviceId);
            }
        }

        _client.Dispose();
    }

    private async Task<bool> StopLoopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return false;
        }

        _stop.Cancel();
        if (_run is not null)
        {
            await _run.ConfigureAwait(false);
        }

        _queue.Writer.TryComplete();
        _stop.Dispose();
        return true;
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var lost = CancellationTokenSource.CreateLinkedTokenSource(stop);
                Volatile.Write(ref _connectionLost, lost);
                if (!_client.IsConnected)
                {
                    bool connected = await TryConnectAsync(stop).ConfigureAwait(false);
                    _firstAttempt.TrySetResult();
                    if (!connected)
                    {
                        await Task.Delay(_backoff.Next(), stop).ConfigureAwait(false);
                        continue;
                    }

                    Announce();
                }

                var connectedFor = Stopwatch.StartNew();
                bool dropped = await SendWhileConnectedAsync(lost.Token, stop).ConfigureAwait(false);
                Volatile.Write(ref _announced, false);
                if (connectedFor.Elapsed >= StableConnection)
                {
                    _backoff.Reset();
                }

                if (dropped)
                {
                    await Task.Delay(_backoff.Next(), stop).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (stop.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // Stopping: MQTTnet reports a publish cut short as a timeout, not as a cancellation.
        }
        finally
        {
            _firstAttempt.TrySetResult();
        }
    }

    private async Task<bool> TryConnectAsync(CancellationToken stop)
    {
        Interlocked.Increment(ref _connectAttempts);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.BrokerHost, _options.BrokerPort)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(_options.DeviceId)
            .WithCredentials(_options.DeviceId, _options.Secret)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.ConnectTimeout)
            .WithWillTopic(_options.StatusTopic)
            .WithWillPayload(StatusPayloads.Offline)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(_options.ConnectTimeout);
            var result = await _client.ConnectAsync(options, timeout.Token).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                // MQTTnet 5 reports a refused login in the result, not as an exception.
                _logger.LogWarning("Broker refused device {DeviceId}: {ResultCode} {Reason}", _options.DeviceId, result.ResultCode, result.ReasonString);
                return false;
            }

            Interlocked.Increment(ref _connections);
            _logger.LogDebug("Device {DeviceId} connected to {Host}:{Port}", _options.DeviceId, _options.BrokerHost, _options.BrokerPort);
            return true;
        }
        catch (Exception ex) when (!stop.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            _logger.LogDebug("Device {DeviceId} cannot reach {Host}:{Port}: {Error}", _options.DeviceId, _options.BrokerHost, _options.BrokerPort, ex.Message);
            return false;
        }
    }

    private void Announce()
    {
        try
        {
            _onConnected();
            Volatile.Write(ref _announced, true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "Device {DeviceId} failed to announce itself", _options.DeviceId);
        }
    }

    /// <summary>Sends queued messages until the connection drops (true) or the pump must look again (false).</summary>
    private async Task<bool> SendWhileConnectedAsync(CancellationToken lost, CancellationToken stop)
    {
        try
        {
            while (_client.IsConnected)
            {
                if (!await _queue.Reader.WaitToReadAsync(lost).ConfigureAwait(false))
                {
                    return false;
                }

                while (_queue.Reader.TryPeek(out var message))
                {
                    var result = await _client.PublishAsync(message.ToApplicationMessage(), lost).ConfigureAwait(false);

                    // MQTT 5 success includes "no matching subscribers" (0x10): any code below 0x80.
                    if ((int)result.ReasonCode >= 0x80)
                    {
                        // Retrying a refused message cannot help; the device would stall behind it.
                        _logger.LogWarning("Broker refused a publish of device {DeviceId} on {Topic}: {ReasonCode}", _options.DeviceId, message.Topic, result.ReasonCode);
                    }

                    _queue.Reader.TryRead(out _);
                }
            }

            return true;
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return true;
        }
        catch (Exception ex) when (!stop.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // The message stays queued and goes again on the next connection: QoS1 allows the duplicate.
            _logger.LogDebug("Device {DeviceId} lost the broker while publishing: {Error}", _options.DeviceId, ex.Message);
            return true;
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        Volatile.Write(ref _announced, false);
        if (args.ClientWasConnected)
        {
            _logger.LogDebug("Device {DeviceId} disconnected: {Reason}", _options.DeviceId, args.Reason);
        }

        try
        {
            Volatile.Read(ref _connectionLost)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That connection's pump has already finished.
        }

        return Task.CompletedTask;
    }

    private sealed record QueuedMessage(string Topic, string Payload, bool Retain)
    {
        public MqttApplicationMessage ToApplicationMessage() => new MqttApplicationMessageBuilder()
            .WithTopic(Topic)
            .WithPayload(Payload)
            .WithRetainFlag(Retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
    }
}
