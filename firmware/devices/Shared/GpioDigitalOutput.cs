using System.Device.Gpio;
using Occupancy.Firmware.Device;

namespace Occupancy.Devices
{
    /// <summary>One GPIO output driven by the core: the lock relay's driver, an LED, the buzzer.</summary>
    public sealed class GpioDigitalOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;

        public GpioDigitalOutput(GpioController controller, int pinNumber)
        {
            _pin = controller.OpenPin(pinNumber, PinMode.Output);
        }

        public void Write(bool on)
        {
            _pin.Write(on ? PinValue.High : PinValue.Low);
        }
    }
}
