using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// What every simulated device has, like the boards it stands for: GPIO pins (simulated), a
/// clock, a sequence lease in "flash", the core's <see cref="DeviceRuntime"/>, an MQTT link and
/// a loop that polls the firmware logic — its own (<see cref="DeviceSettings.SelfPolling"/>) or
/// the fleet's, through <see cref="Step"/>. The firmware logic is the real core's, run by the subclasses.
/// </summary>
public abstract class SimulatedDevice : IAsyncDisposable
{
    // The firmware core is single-threaded on a device: the loop, the link's "connected"
    // callback and incoming messages take turns through this gate.
    private readonly Lock _gate = new();
    private readonly DeviceSettings _settings;
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private Task? _pollLoop;
    private int _stopped;

    private protected SimulatedDevice(DeviceSettings settings, string kind, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        loggerFactory ??= NullLoggerFactory.Instance;
        _settings = settings;
        _logger = loggerFactory.CreateLogger(GetType());
        Identity = new DeviceIdentity(settings.Site, kind, settings.DeviceId, settings.Firmware);
        Clock = settings.Clock ?? new SystemDeviceClock();
        Random = new SeededRandomSource(settings.Seed ?? System.Random.Shared.Next());
        SequenceStore = settings.SequenceStore ?? new MemorySequenceStore(settings.LastSequence ?? Clock.UtcNowMs);
        Driver = new SimulatedGpioDriver();
        Controller = new GpioController(Driver);
        Link = new MqttDeviceLink(
            new MqttDeviceLinkOptions
            {
                BrokerHost = settings.BrokerHost,
                BrokerPort = settings.BrokerPort,
                DeviceId = settings.DeviceId,
                Secret = settings.Secret,
                StatusTopic = Identity.Topic(Channels.Status),
                Subscriptions = ChannelRules.Subscriptions(kind).Select(Identity.Topic).ToArray(),
                FirstRetryDelay = settings.FirstRetryDelay,
                MaxRetryDelay = settings.MaxRetryDelay,
                Random = Random,
            },
            OnLinkConnected,
            OnLinkMessage,
            loggerFactory.CreateLogger<MqttDeviceLink>());
        Runtime = new DeviceRuntime(
            Identity,
            Clock,
            Link,
            new SequenceCounter(SequenceStore, SequenceCounter.DefaultBlockSize),
            new SimulatedBoard(Random, Clock, battery: kind == DeviceKinds.Desk),
            settings.QueueCapacity);
    }

    public DeviceIdentity Identity { get; }

    public string DeviceId => Identity.DeviceId;

    /// <summary>Connected to the broker and announced (birth message and current state queued).</summary>
    public bool IsConnected => Link.IsAnnounced;

    public MqttDeviceLink Link { get; }

    /// <summary>The core's shared part: queue, heartbeat, counters.</summary>
    public DeviceRuntime Runtime { get; }

    /// <summary>The board's pins: tests may drive inputs and read outputs through it.</summary>
    public SimulatedGpioDriver Driver { get; }

    /// <summary>Where the sequence lease lives; pass it to a new device to simulate a reboot.</summary>
    public ISequenceStore SequenceStore { get; }

    protected GpioController Controller { get; }

    protected IDeviceClock Clock { get; }

    protected IRandomSource Random { get; }

    /// <summary>This device's topic for a channel, e.g. <c>Topic(Channels.State)</c>.</summary>
    public string Topic(string channel) => Identity.Topic(channel);

    public Task WaitUntilConnectedAsync(CancellationToken cancellationToken) => Link.WaitUntilAnnouncedAsync(cancellationToken);

    /// <summary>One pass of the firmware's main loop, for owners that drive the device (the fleet).</summary>
    public void Step()
    {
        if (Volatile.Read(ref _stopped) != 0)
        {
            return;
        }

        lock (_gate)
        {
            Poll();
        }
    }

    /// <summary>Cuts the power: no DISCONNECT, so the broker publishes the retained <c>offline</c> Last Will.</summary>
    public async ValueTask PowerOffAsync()
    {
        if (await StopPollingAsync().ConfigureAwait(false))
        {
            await Link.AbortAsync().ConfigureAwait(false);
            ReleasePins();
        }
    }

    /// <summary>Shuts down in order: retained <c>offline</c>, clean disconnect.</summary>
    public async ValueTask DisposeAsync()
    {
        if (await StopPollingAsync().ConfigureAwait(false))
        {
            await Link.DisposeAsync().ConfigureAwait(false);
            ReleasePins();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <paramref name="action"/> in the device's turn, as the firmware loop would.</summary>
    protected void InTurn(Action action)
    {
        lock (_gate)
        {
            action();
        }
    }

    /// <summary>One pass of the firmware's main loop.</summary>
    protected abstract void Poll();

    /// <summary>The firmware's reaction to a (re)connection.</summary>
    protected abstract void OnConnected();

    /// <summary>The firmware's handling of a message on one of its topics.</summary>
    protected abstract void OnMessage(string topic, string payload, bool retained);

    /// <summary>Closes the subclass's pins; the controller is closed after.</summary>
    protected abstract void DisposeInputs();

    /// <summary>Starts the main loop (if the device polls itself) and the link; returns after the first connection attempt.</summary>
    protected async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (_settings.SelfPolling)
        {
            _pollLoop = Task.Run(() => PollLoopAsync(_stop.Token), CancellationToken.None);
        }

        await Link.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PollLoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_settings.PollInterval);
        try
        {
            do
            {
                try
                {
                    Step();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _logger.LogError(ex, "Device {DeviceId} failed in its main loop", DeviceId);
                }
            }
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void OnLinkConnected() => InTurn(OnConnected);

    private void OnLinkMessage(string topic, string payload, bool retained) => InTurn(() => OnMessage(topic, payload, retained));

    private async Task<bool> StopPollingAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return false;
        }

        _stop.Cancel();
        if (_pollLoop is not null)
        {
            await _pollLoop.ConfigureAwait(false);
        }

        _stop.Dispose();
        return true;
    }

    private void ReleasePins()
    {
        lock (_gate)
        {
            DisposeInputs();
            Controller.Dispose();
        }
    }
}
