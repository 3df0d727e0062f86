using System.Device.Gpio;
using Iot.Device.Hcsr501;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// The desk's HC-SR501 PIR through the dotnet/iot binding: its OUT pin is high while it sees
/// movement (and for its own hold time after). The firmware core does the debouncing.
/// </summary>
public sealed class Hcsr501PresenceInput : IDigitalInput, IDisposable
{
    private readonly Hcsr501 _sensor;

    public Hcsr501PresenceInput(GpioController controller, int outPin)
    {
        // The device owns the controller; the binding must not dispose it.
        _sensor = new Hcsr501(outPin, controller, shouldDispose: false);
    }

    public bool Read() => _sensor.IsMotionDetected;

    public void Dispose() => _sensor.Dispose();
}
