using System.Collections.Concurrent;
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
/// The device's MQTT connection over an MQTTnet 5 client, behaving like nanoFramework's M2Mqtt
/// on a device: <see cref="Publish"/> hands a QoS1 message to a small inflight queue and refuses
/// while disconnected or full (the firmware core then keeps it in its own offline queue); one
/// pump sends in order and keeps what was not acknowledged across reconnects. The link
/// reconnects with the core's <see cref="ReconnectBackoff"/>, subscribes to the device's
/// topics, then calls back so the device announces itself; incoming messages go to a callback.
/// </summary>
public sealed partial class MqttDeviceLink : IMessageLink, IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, bool> RefusedChannels = new(StringComparer.Ordinal);

    private readonly MqttDeviceLinkOptions _options;
    private readonly Action _onConnected;
    private readonly Action<string, string, bool> _onMessage;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly Channel<QueuedMessage> _inflight;
    private readonly ReconnectBackoff _backoff;
    private readonly Stopwatch _uptime = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _connectionLost;
    private Task? _run;
    private int _connectAttempts;
    private int _connections;
    private long _sent;
    private long _refused;
    private bool _announced;
    private int _stopped;

    public MqttDeviceLink(MqttDeviceLinkOptions options, Action onConnected, Action<string, string, bool>? onMessage = null, ILogger<MqttDeviceLink>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onConnected);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.InflightCapacity);
        _options = options;
        _onConnected = onConnected;
        _onMessage = onMessage ?? ((_, _, _) => { });
        _logger = logger ?? NullLogger<MqttDeviceLink>.Instance;
        _backoff = new ReconnectBackoff(
            (long)options.FirstRetryDelay.TotalMilliseconds,
            (long)options.MaxRetryDelay.TotalMilliseconds,
            (long)options.StableConnection.TotalMilliseconds,
            options.Random ?? new SeededRandomSource(System.Random.Shared.Next()));
        _inflight = Channel.CreateBounded<QueuedMessage>(new BoundedChannelOptions(options.InflightCapacity) { FullMode = BoundedChannelFullMode.Wait });
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
    }

    public bool IsConnected => _client.IsConnected && Volatile.Read(ref _stopped) == 0;

    /// <summary>Connected, and the device has announced itself on this connection.</summary>
    public bool IsAnnounced => Volatile.Read(ref _announced) && IsConnected;

    /// <summary>CONNECT packets sent so far, refused ones included.</summary>
    public int ConnectAttempts => Volatile.Read(ref _connectAttempts);

    /// <summary>Connections the broker accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Messages handed over and not yet acknowledged by the broker.</summary>
    public int Pending => _inflight.Reader.Count;

    /// <summary>Publishes the broker acknowledged (success or refusal).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Publishes the broker acknowledged with a refusal (reason code 0x80 or above).</summary>
    public long Refused => Interlocked.Read(ref _refused);

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

    /// <summary>Hands a QoS1 publish to the inflight queue; false while disconnected or when the queue is full.</summary>
    public bool Publish(string topic, string payload, bool retain) =>
        IsConnected && _inflight.Writer.TryWrite(new QueuedMessage(topic, payload, retain));

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

    /// <summary>An orderly shutdown: gives the queue a moment to drain, publishes the retained <c>offline</c>, disconnects cleanly.</summary>
    public async ValueTask DisposeAsync()
    {
        var drainUntil = _uptime.Elapsed + TimeSpan.FromSeconds(2);
        while (IsAnnounced && Pending > 0 && _uptime.Elapsed < drainUntil)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        bool wasConnected = _client.IsConnected;
        if (!await StopLoopAsync().ConfigureAwait(false))
        {
            return;
        }

        if (wasConnected && _client.IsConnected)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _client.PublishAsync(new QueuedMessage(_options.StatusTopic, StatusPayloads.Offline, true).ToApplicationMessage(), timeout.Token).ConfigureAwait(false);
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                LogNoGoodbye(_options.DeviceId, ex.Message);
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

        _inflight.Writer.TryComplete();
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
                        await Task.Delay(TimeSpan.FromMilliseconds(_backoff.OnAttemptFailed(Now)), stop).ConfigureAwait(false);
                        continue;
                    }

                    _backoff.OnConnected(Now);
                    await SubscribeAsync(stop).ConfigureAwait(false);
                    Announce();
                }

                bool dropped = await SendWhileConnectedAsync(lost.Token, stop).ConfigureAwait(false);
                Volatile.Write(ref _announced, false);
                if (dropped)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(_backoff.OnConnectionLost(Now)), stop).ConfigureAwait(false);
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

    private long Now => (long)_uptime.Elapsed.TotalMilliseconds;

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
                LogRefusedLogin(_options.DeviceId, result.ResultCode, result.ReasonString ?? "");
                return false;
            }

            Interlocked.Increment(ref _connections);
            LogConnected(_options.DeviceId, _options.BrokerHost, _options.BrokerPort);
            return true;
        }
        catch (Exception ex) when (!stop.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            LogUnreachable(_options.DeviceId, _options.BrokerHost, _options.BrokerPort, ex.Message);
            return false;
        }
    }

    private async Task SubscribeAsync(CancellationToken stop)
    {
        if (_options.Subscriptions.Count == 0)
        {
            return;
        }

        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in _options.Subscriptions)
        {
            builder.WithTopicFilter(f => f.WithTopic(topic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        try
        {
            var result = await _client.SubscribeAsync(builder.Build(), stop).ConfigureAwait(false);
            foreach (var item in result.Items.Where(i => (int)i.ResultCode >= 0x80))
            {
                LogSubscriptionRefused(_options.DeviceId, item.TopicFilter.Topic, item.ResultCode);
            }
        }
        catch (Exception ex) when (!stop.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // The connection dropped while subscribing: the pump notices and reconnects.
            LogUnreachable(_options.DeviceId, _options.BrokerHost, _options.BrokerPort, ex.Message);
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
            LogAnnounceFailed(ex, _options.DeviceId);
        }
    }

    /// <summary>Sends the inflight queue until the connection drops (true) or the pump must look again (false).</summary>
    private async Task<bool> SendWhileConnectedAsync(CancellationToken lost, CancellationToken stop)
    {
        try
        {
            while (_client.IsConnected)
            {
                if (!await _inflight.Reader.WaitToReadAsync(lost).ConfigureAwait(false))
                {
                    return false;
                }

                while (_inflight.Reader.TryPeek(out var message))
                {
                    var result = await _client.PublishAsync(message.ToApplicationMessage(), lost).ConfigureAwait(false);
                    Interlocked.Increment(ref _sent);

                    // MQTT 5 success includes "no matching subscribers" (0x10): any code below 0x80.
                    if ((int)result.ReasonCode >= 0x80)
                    {
                        // Retrying a refused message cannot help; the device would stall behind it.
                        Interlocked.Increment(ref _refused);
                        NoteRefusal(message.Topic, result.ReasonCode);
                    }

                    _inflight.Reader.TryRead(out _);
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
            LogLostWhilePublishing(_options.DeviceId, ex.Message);
            return true;
        }
    }

    private void NoteRefusal(string topic, MqttClientPublishReasonCode code)
    {
        // An edge that does not know a channel yet refuses every message on it, from every device:
        // say so once per kind of device and channel in this process; the rest is only counted.
        string key = DeviceTopic.TryParse(topic, out var parsed) ? parsed.Kind + "/" + parsed.Channel : topic;
        if (RefusedChannels.TryAdd(key, true))
        {
            LogPublishRefused(_options.DeviceId, topic, code);
        }
    }

    private Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        try
        {
            _onMessage(message.Topic, message.ConvertPayloadToString() ?? string.Empty, message.Retain);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMessageFailed(ex, _options.DeviceId, message.Topic);
        }

        return Task.CompletedTask;
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        Volatile.Write(ref _announced, false);
        if (args.ClientWasConnected)
        {
            LogDisconnected(_options.DeviceId, args.Reason);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refused device {DeviceId}: {ResultCode} {Reason}")]
    private partial void LogRefusedLogin(string deviceId, MqttClientConnectResultCode resultCode, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Device {DeviceId} connected to {Host}:{Port}")]
    private partial void LogConnected(string deviceId, string host, int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Device {DeviceId} cannot reach {Host}:{Port}: {Error}")]
    private partial void LogUnreachable(string deviceId, string host, int port, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refused the subscription of device {DeviceId} to {Topic}: {ResultCode}")]
    private partial void LogSubscriptionRefused(string deviceId, string topic, MqttClientSubscribeResultCode resultCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Device {DeviceId} failed to announce itself")]
    private partial void LogAnnounceFailed(Exception exception, string deviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker refused a publish of device {DeviceId} on {Topic}: {ReasonCode} (further refusals on this channel, from any device, are only counted)")]
    private partial void LogPublishRefused(string deviceId, string topic, MqttClientPublishReasonCode reasonCode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Device {DeviceId} lost the broker while publishing: {Error}")]
    private partial void LogLostWhilePublishing(string deviceId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Device {DeviceId} failed to handle a message on {Topic}")]
    private partial void LogMessageFailed(Exception exception, string deviceId, string topic);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Device {DeviceId} disconnected: {Reason}")]
    private partial void LogDisconnected(string deviceId, MqttClientDisconnectReason reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Device {DeviceId} could not say goodbye to the broker: {Error}")]
    private partial void LogNoGoodbye(string deviceId, string error);

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
