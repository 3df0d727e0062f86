using System.Device.Gpio;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>A plain input pin, such as a door's reed contact to ground with the pin pulled up (open door = high).</summary>
public sealed class GpioDigitalInput : IDigitalInput, IDisposable
{
    private readonly GpioController _controller;
    private readonly int _pin;

    public GpioDigitalInput(GpioController controller, int pin, PinMode mode = PinMode.InputPullUp)
    {
        _controller = controller;
        _pin = pin;
        _controller.OpenPin(pin, mode);
    }

    public bool Read() => _controller.Read(_pin) == PinValue.High;

    public void Dispose()
    {
        if (_controller.IsPinOpen(_pin))
        {
            _controller.ClosePin(_pin);
        }
    }
}
