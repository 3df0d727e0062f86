using System.Device.Gpio;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>An output pin driven by the core (lock relay, LED, buzzer); tests read its level from the simulated driver.</summary>
public sealed class GpioDigitalOutput : IDigitalOutput, IDisposable
{
    private readonly GpioController _controller;
    private readonly int _pin;

    public GpioDigitalOutput(GpioController controller, int pin)
    {
        _controller = controller;
        _pin = pin;
        _controller.OpenPin(pin, PinMode.Output);
    }

    public void Write(bool on) => _controller.Write(_pin, on ? PinValue.High : PinValue.Low);

    public void Dispose()
    {
        if (_controller.IsPinOpen(_pin))
        {
            _controller.ClosePin(_pin);
        }
    }
}
