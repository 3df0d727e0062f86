using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// What every simulated device has, like the boards it stands for: GPIO pins (simulated),
/// a clock, a sequence counter, an MQTT link and a loop that polls the firmware logic.
/// The firmware logic itself is the real core's, run by the subclasses.
/// </summary>
public abstract class SimulatedDevice : IAsyncDisposable
{
    // The firmware core is single-threaded on a device: the poll loop and the link's
    // "connected" callback take turns through this gate.
    private readonly object _gate = new();
    private readonly TimeSpan _pollInterval;
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private Task? _pollLoop;
    private int _stopped;

    private protected SimulatedDevice(DeviceSettings settings, string kind, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger(GetType());
        _pollInterval = settings.PollInterval;
        Identity = new DeviceIdentity(settings.Site, kind, settings.DeviceId, FirmwareVersion.Current);
        Clock = new SystemDeviceClock();
        Sequence = new SequenceCounter(settings.LastSequence ?? Clock.UtcNowMs);
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
                FirstRetryDelay = settings.FirstRetryDelay,
                MaxRetryDelay = settings.MaxRetryDelay,
            },
            OnLinkConnected,
            loggerFactory.CreateLogger<MqttDeviceLink>());
    }

    public DeviceIdentity Identity { get; }

    public string DeviceId => Identity.DeviceId;

    /// <summary>Connected to the broker and announced (birth message and current state queued).</summary>
    public bool IsConnected => Link.IsAnnounced;

    public MqttDeviceLink Link { get; }

    /// <summary>The board's pins: tests may drive any input through it.</summary>
    public SimulatedGpioDriver Driver { get; }

    protected GpioController Controller { get; }

    protected IDeviceClock Clock { get; }

    protected SequenceCounter Sequence { get; }

    /// <summary>This device's topic for a channel, e.g. <c>Topic(Channels.State)</c>.</summary>
    public string Topic(string channel) => Identity.Topic(channel);

    public Task WaitUntilConnectedAsync(CancellationToken cancellationToken) => Link.WaitUntilAnnouncedAsync(cancellationToken);

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

    /// <summary>One pass of the firmware's main loop.</summary>
    protected abstract void Poll();

    /// <summary>The firmware's reaction to a (re)connection.</summary>
    protected abstract void OnConnected();

    /// <summary>Closes the subclass's inputs; the controller is closed after.</summary>
    protected abstract void DisposeInputs();

    /// <summary>Starts the main loop and the link; returns after the first connection attempt.</summary>
    protected async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        _pollLoop = Task.Run(() => PollLoopAsync(_stop.Token), CancellationToken.None);
        await Link.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PollLoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_pollInterval);
        try
        {
            do
            {
                try
                {
                    lock (_gate)
                    {
                        Poll();
                    }
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

    private void OnLinkConnected()
    {
        lock (_gate)
        {
            OnConnected();
        }
    }

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
        DisposeInputs();
        Controller.Dispose();
    }
}
