namespace Occupancy.Firmware.Device
{
    /// <summary>One input pin as the device logic sees it. Adapters wrap a GPIO pin on the device or a simulated one on a PC.</summary>
    public interface IDigitalInput
    {
        /// <summary>True while the pin is high (a PIR sees presence, a door contact is open).</summary>
        bool Read();
    }
}
