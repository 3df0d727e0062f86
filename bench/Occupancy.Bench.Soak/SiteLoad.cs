using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Occupancy.Firmware.Contract;

namespace Occupancy.Bench.Soak;

/// <summary>
/// A lightweight load generator standing in for the site's devices: desk reports and door taps
/// from many devices over a few publisher connections to the site's broker (in external-broker
/// mode the broker checks who may publish, not the edge), and one listener on every reader's
/// command topic that times each tap until its signed answer arrives.
/// </summary>
internal sealed class SiteLoad(SoakOptions options, string siteId) : IAsyncDisposable
{
    public const string CardUid = "04a1b2c3";

    private readonly List<IMqttClient> _publishers = [];
    private readonly long[] _deskSeq = new long[options.Desks];
    private readonly long[] _deskPublishedTicks = new long[options.Desks];
    private readonly Lock _desks = new();
    private readonly long[] _doorSeq = new long[options.Doors];
    private readonly ConcurrentDictionary<string, long> _tapsInFlight = new();
    private readonly ConcurrentQueue<double> _tapLatenciesMs = new();
    private readonly ConcurrentQueue<Task<MqttClientPublishResult>> _pendingPublishes = new();
    private IMqttClient? _listener;
    private int _nextDesk;
    private int _nextDoor;
    private long _tapCounter;
    private long _publishFailures;
    private long _grants;

    public long DeskReports { get; private set; }

    /// <summary>Every tap sent, as (door id, timestamp ms): what the server's access log must hold.</summary>
    public List<(string DoorId, long TimestampMs)> TapsSent { get; } = [];

    public long Taps { get; private set; }

    /// <summary>Taps sent before the day to warm the edge up, answered but not timed.</summary>
    public int WarmUpTaps { get; private set; }

    public long Grants => Interlocked.Read(ref _grants);

    public long PublishFailures => Interlocked.Read(ref _publishFailures);

    public static string DeskDevice(int index) => $"sensor-{index + 1}";

    public static string DoorDevice(int index) => $"reader-{index + 1}";

    public async Task ConnectAsync(string host, int port)
    {
        var factory = new MqttClientFactory();
        for (int c = 0; c < options.Connections; c++)
        {
            var client = factory.CreateMqttClient();
            _publishers.Add(client);
            await ConnectOrThrowAsync(client, host, port, $"soak-devices-{c + 1}");
        }

        _listener = factory.CreateMqttClient();
        _listener.ApplicationMessageReceivedAsync += e =>
        {
            long now = Stopwatch.GetTimestamp();
            if (UnlockCommand.TryDecode(Encoding.UTF8.GetString(e.ApplicationMessage.Payload), out var command, out _)
                && _tapsInFlight.TryRemove(command.Nonce, out long sent))
            {
                _tapLatenciesMs.Enqueue(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                if (command.IsGrant)
                {
                    Interlocked.Increment(ref _grants);
                }
            }

            return Task.CompletedTask;
        };
        await ConnectOrThrowAsync(_listener, host, port, "soak-readers");
        await _listener.SubscribeAsync(DeviceTopic.Build(siteId, DeviceKinds.Door, "+", Channels.Unlock), MqttQualityOfServiceLevel.AtLeastOnce);
    }

    /// <summary>
    /// Sends <paramref name="reports"/> desk reports (round robin over the desks, each a change of state) and
    /// <paramref name="taps"/> taps, the taps spread evenly among the reports rather than queued behind them all.
    /// </summary>
    public void Send(int reports, int taps, long nowMs)
    {
        int sent = 0;
        for (int t = 1; t <= taps; t++)
        {
            SendReports(((reports * t) / (taps + 1)) - sent, nowMs);
            sent = (reports * t) / (taps + 1);
            SendTap(nowMs);
        }

        SendReports(reports - sent, nowMs);
    }

    /// <summary>
    /// Taps one door after another until each is answered, before the day starts, and forgets their latencies: the
    /// edge's first taps after a start pay for just-in-time compilation, which an edge that has run for days has long
    /// paid. They count as taps for everything else (InfluxDB, the server's access log).
    /// </summary>
    public async Task WarmUpAsync(int taps)
    {
        WarmUpTaps += taps;
        for (int i = 0; i < taps; i++)
        {
            SendTap(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var deadline = Stopwatch.StartNew();
            while (!_tapsInFlight.IsEmpty && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(5);
            }
        }

        DrainTapLatencies();
    }

    /// <summary>The latest report of desk <paramref name="desk"/>: its number (0: none yet), the state it said and when it was published.</summary>
    public (long Seq, string State, long PublishedTicks) LastReport(int desk)
    {
        lock (_desks)
        {
            long seq = _deskSeq[desk];
            return (seq, seq % 2 == 1 ? DeskStates.Occupied : DeskStates.Free, _deskPublishedTicks[desk]);
        }
    }

    /// <summary>Latencies (ms) of the taps answered since the last call.</summary>
    public List<double> DrainTapLatencies()
    {
        var drained = new List<double>();
        while (_tapLatenciesMs.TryDequeue(out double ms))
        {
            drained.Add(ms);
        }

        return drained;
    }

    public int TapsUnanswered => _tapsInFlight.Count;

    /// <summary>Waits until mosquitto has acknowledged everything sent.</summary>
    public async Task FlushAsync()
    {
        while (_pendingPublishes.TryDequeue(out var task))
        {
            try
            {
                if ((int)(await task).ReasonCode >= 0x80)
                {
                    Interlocked.Increment(ref _publishFailures);
                }
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _publishFailures);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _publishers.Append(_listener).OfType<IMqttClient>())
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync();
            }

            client.Dispose();
        }
    }

    private void SendReports(int reports, long nowMs)
    {
        for (int i = 0; i < reports; i++)
        {
            int desk = _nextDesk;
            _nextDesk = (_nextDesk + 1) % options.Desks;
            long seq;
            lock (_desks)
            {
                seq = ++_deskSeq[desk];
                _deskPublishedTicks[desk] = Stopwatch.GetTimestamp();
            }

            string payload = DeskReport.Payload(seq, nowMs);
            Publish(desk, DeviceTopic.Build(siteId, DeviceKinds.Desk, DeskDevice(desk), Channels.State), payload);
            DeskReports++;
        }
    }

    private void SendTap(long nowMs)
    {
        int door = _nextDoor;
        _nextDoor = (_nextDoor + 1) % options.Doors;
        string nonce = (++_tapCounter).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
        var request = new AccessRequestMessage(nonce, new Credential(Credential.Card, CardUid), new MessageHeader(++_doorSeq[door], nowMs, "1.0.0"));
        _tapsInFlight[nonce] = Stopwatch.GetTimestamp();
        TapsSent.Add((SoakSite.DoorId(door), nowMs));
        Publish(door, DeviceTopic.Build(siteId, DeviceKinds.Door, DoorDevice(door), Channels.AccessRequest), request.Encode());
        Taps++;
    }

    private void Publish(int device, string topic, string payload)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

        // A device's reports are seconds apart, so publishing without waiting keeps each device's order.
        var task = _publishers[device % _publishers.Count].PublishAsync(message);
        if (!task.IsCompletedSuccessfully)
        {
            _pendingPublishes.Enqueue(task);
        }

        // Keep the queue short: reap what has completed.
        while (_pendingPublishes.TryPeek(out var oldest) && oldest.IsCompleted && _pendingPublishes.TryDequeue(out oldest))
        {
            if (!oldest.IsCompletedSuccessfully || (int)oldest.Result.ReasonCode >= 0x80)
            {
                Interlocked.Increment(ref _publishFailures);
            }
        }
    }

    private static async Task ConnectOrThrowAsync(IMqttClient client, string host, int port, string clientId)
    {
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build());
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"{clientId} could not connect: {result.ResultCode}");
        }
    }
}
