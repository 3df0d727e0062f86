using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Desk;
using Occupancy.Firmware.Device;
using Occupancy.Firmware.Presence;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// A desk sensor: an HC-SR501 PIR on a simulated pin (or an LD2410 radar on a simulated UART),
/// the firmware core's <see cref="DeskSensor"/> and a real MQTT connection.
/// <see cref="SetOccupant"/> (or <see cref="SetPresence"/>) is the person at the desk.
/// </summary>
public sealed class SimulatedDeskDevice : SimulatedDevice
{
    private readonly Hcsr501PresenceInput? _pir;
    private readonly SimulatedLd2410? _radar;
    private readonly DeskSensor _sensor;

    private SimulatedDeskDevice(DeviceSettings settings, DeskSensorOptions options, ILoggerFactory? loggerFactory)
        : base(settings, DeviceKinds.Desk, loggerFactory)
    {
        IDigitalInput presence;
        if (settings.PresenceSensor == PresenceSensorKind.MmWave)
        {
            Uart = new SimulatedUart();
            _radar = new SimulatedLd2410(Uart, Random);
            Radar = new Ld2410PresenceInput(Uart);
            presence = Radar;
        }
        else
        {
            _pir = new Hcsr501PresenceInput(Controller, SimulatedPins.Presence);
            presence = _pir;
        }

        _sensor = new DeskSensor(Runtime, options, presence);
    }

    public PresenceSensorKind PresenceSensor => _radar is null ? PresenceSensorKind.Pir : PresenceSensorKind.MmWave;

    /// <summary>The LD2410's serial line, for an mmWave desk; null for a PIR desk.</summary>
    public SimulatedUart? Uart { get; }

    /// <summary>The core's LD2410 input (frame counts, threshold), for an mmWave desk; null for a PIR desk.</summary>
    public Ld2410PresenceInput? Radar { get; }

    /// <summary>What the person at the desk is doing now.</summary>
    public OccupantActivity Occupant { get; private set; }

    /// <summary>The debounced state the sensor last decided (and publishes).</summary>
    public bool IsOccupied => _sensor.IsOccupied;

    /// <summary>The core, for tests that inspect its settings.</summary>
    public DeskSensor Sensor => _sensor;

    /// <summary>What the PIR's OUT pin shows right now (PIR desks).</summary>
    public bool IsPresenceDetected => Driver.GetLevel(SimulatedPins.Presence) == PinValue.High;

    public static Task<SimulatedDeskDevice> StartAsync(DeviceSettings settings, DeskSensorOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(settings, options, null, cancellationToken);

    /// <summary>Boots the device: starts its main loop and connects; returns after the first connection attempt.</summary>
    public static async Task<SimulatedDeskDevice> StartAsync(DeviceSettings settings, DeskSensorOptions options, ILoggerFactory? loggerFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var device = new SimulatedDeskDevice(settings, options, loggerFactory);
        try
        {
            await device.StartCoreAsync(cancellationToken).ConfigureAwait(false);
            return device;
        }
        catch
        {
            await device.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Someone moving at the desk (true) or nobody (false).</summary>
    public void SetPresence(bool present) => SetOccupant(present ? OccupantActivity.Moving : OccupantActivity.Absent);

    /// <summary>What the person at the desk does: a PIR's OUT is high only while they move; the radar also sees them sit still.</summary>
    public void SetOccupant(OccupantActivity activity)
    {
        Occupant = activity;
        if (_radar is not null)
        {
            _radar.Activity = activity;
        }
        else
        {
            Driver.SetInput(SimulatedPins.Presence, activity == OccupantActivity.Moving ? PinValue.High : PinValue.Low);
        }
    }

    protected override void Poll()
    {
        // The radar reports about ten times a second on its own; here once per loop pass.
        _radar?.Report();
        _sensor.Poll();
    }

    protected override void OnConnected() => _sensor.OnConnected();

    protected override void OnMessage(string topic, string payload, bool retained) => _sensor.OnMessage(topic, payload, retained);

    protected override void DisposeInputs() => _pir?.Dispose();
}
