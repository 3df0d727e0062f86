using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Desk;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// A desk sensor: an HC-SR501 PIR on a simulated pin, the firmware core's <see cref="DeskSensor"/>
/// and a real MQTT connection. <see cref="SetPresence"/> is the person at the desk.
/// </summary>
public sealed class SimulatedDeskDevice : SimulatedDevice
{
    private readonly Hcsr501PresenceInput _presence;
    private readonly DeskSensor _sensor;

    private SimulatedDeskDevice(DeviceSettings settings, DeskSensorOptions options, ILoggerFactory? loggerFactory)
        : base(settings, DeviceKinds.Desk, loggerFactory)
    {
        _presence = new Hcsr501PresenceInput(Controller, SimulatedPins.Presence);
        _sensor = new DeskSensor(Identity, options, _presence, Clock, Link, Sequence);
    }

    /// <summary>The debounced state the sensor last decided (and publishes).</summary>
    public bool IsOccupied => _sensor.IsOccupied;

    /// <summary>What the PIR's OUT pin shows right now.</summary>
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

    /// <summary>Drives the PIR's OUT pin: high while it sees someone move.</summary>
    public void SetPresence(bool present) => Driver.SetInput(SimulatedPins.Presence, present ? PinValue.High : PinValue.Low);

    protected override void Poll() => _sensor.Poll();

    protected override void OnConnected() => _sensor.OnConnected();

    protected override void DisposeInputs() => _presence.Dispose();
}
