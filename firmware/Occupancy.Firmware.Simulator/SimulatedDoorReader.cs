using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Device;
using Occupancy.Firmware.Door;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// A door reader's contact: a reed switch to ground on a pulled-up simulated pin (open door =
/// high), the firmware core's <see cref="DoorContactMonitor"/> and a real MQTT connection.
/// </summary>
public sealed class SimulatedDoorReader : SimulatedDevice
{
    private readonly GpioDigitalInput _contact;
    private readonly DoorContactMonitor _monitor;

    private SimulatedDoorReader(DeviceSettings settings, ILoggerFactory? loggerFactory)
        : base(settings, DeviceKinds.Door, loggerFactory)
    {
        // The door is shut when the reader boots: the magnet holds the switch closed to ground.
        Driver.SetInput(SimulatedPins.DoorContact, PinValue.Low);
        _contact = new GpioDigitalInput(Controller, SimulatedPins.DoorContact, PinMode.InputPullUp);
        _monitor = new DoorContactMonitor(Identity, _contact, Clock, Link, Sequence);
    }

    /// <summary>The contact state the monitor last saw (and publishes).</summary>
    public bool IsOpen => _monitor.IsOpen;

    public static Task<SimulatedDoorReader> StartAsync(DeviceSettings settings, CancellationToken cancellationToken = default) =>
        StartAsync(settings, null, cancellationToken);

    /// <summary>Boots the reader: starts its main loop and connects; returns after the first connection attempt.</summary>
    public static async Task<SimulatedDoorReader> StartAsync(DeviceSettings settings, ILoggerFactory? loggerFactory, CancellationToken cancellationToken = default)
    {
        var reader = new SimulatedDoorReader(settings, loggerFactory);
        try
        {
            await reader.StartCoreAsync(cancellationToken).ConfigureAwait(false);
            return reader;
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens or closes the door: the magnet leaves the switch and the pull-up takes the pin high.</summary>
    public void SetDoorOpen(bool open) => Driver.SetInput(SimulatedPins.DoorContact, open ? PinValue.High : PinValue.Low);

    protected override void Poll() => _monitor.Poll();

    protected override void OnConnected() => _monitor.OnConnected();

    protected override void DisposeInputs() => _contact.Dispose();
}
