using System.Device.Gpio;
using Occupancy.Firmware.Device;

namespace Occupancy.Devices
{
    /// <summary>One GPIO input read by the firmware loop: the PIR's OUT, or a door's reed contact.</summary>
    public sealed class GpioDigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;

        public GpioDigitalInput(GpioController controller, int pinNumber, PinMode mode)
        {
            _pin = controller.OpenPin(pinNumber, mode);
        }

        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }
    }
}
