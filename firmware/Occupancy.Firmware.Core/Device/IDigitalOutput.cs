namespace Occupancy.Firmware.Device
{
    /// <summary>One output pin as the device logic sees it: a lock relay, an LED, a buzzer.</summary>
    public interface IDigitalOutput
    {
        /// <summary>Drives the pin; true energises the relay, lights the LED or sounds the buzzer.</summary>
        void Write(bool on);
    }
}
