using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Firmware.Contract;

namespace Occupancy.Bench.TapToUnlock;

/// <summary>
/// A door reader on MQTT 5: publishes a tap (QoS 1, a fresh nonce each time) and waits for the
/// command bound to that nonce, checked as the firmware checks it (signature with the door's key,
/// nonce, grant). The time measured runs from just before the publish to the valid command.
/// </summary>
internal sealed class DoorReaderClient : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new(StringComparer.Ordinal);
    private readonly CommandSigner _signer = new(DoorKeys.Derive(Convert.FromHexString(BenchSite.DoorMasterKeyHex), BenchSite.ReaderId));
    private long _seq;

    public static async Task<DoorReaderClient> ConnectAsync(int port)
    {
        var reader = new DoorReaderClient();
        var result = await reader._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(BenchSite.ReaderId)
            .WithCredentials(BenchSite.ReaderId, BenchSite.SecretOf(BenchSite.ReaderId))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the reader could not connect: {result.ResultCode}");
        }

        reader._client.ApplicationMessageReceivedAsync += reader.OnCommandAsync;
        string topic = DeviceTopic.Build(BenchSite.SiteId, DeviceKinds.Door, BenchSite.ReaderId, Channels.Unlock);
        await reader._client.SubscribeAsync(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        return reader;
    }

    /// <summary>One tap; returns the milliseconds until the reader held a valid grant for it.</summary>
    public async Task<double> TapAsync()
    {
        string nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var answered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[nonce] = answered;
        var request = new AccessRequestMessage(nonce, new Credential(Credential.Card, BenchSite.Card), new MessageHeader(++_seq, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "1.0.0"));
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(DeviceTopic.Build(BenchSite.SiteId, DeviceKinds.Door, BenchSite.ReaderId, Channels.AccessRequest))
            .WithPayload(request.Encode())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

        long started = Stopwatch.GetTimestamp();
        var published = _client.PublishAsync(message);
        long arrived = await answered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var ack = await published;
        if ((int)ack.ReasonCode >= 0x80)
        {
            throw new InvalidOperationException($"the edge refused the tap: {ack.ReasonCode}");
        }

        return Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }

    private Task OnCommandAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        long now = Stopwatch.GetTimestamp();
        string payload = Encoding.UTF8.GetString(e.ApplicationMessage.Payload);
        if (UnlockCommand.TryDecode(payload, out var command, out _)
            && command.IsGrant
            && _signer.Verify(command)
            && _waiting.TryRemove(command.Nonce, out var answered))
        {
            answered.TrySetResult(now);
        }

        return Task.CompletedTask;
    }
}
