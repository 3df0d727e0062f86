using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Door
{
    /// <summary>An output switched on for a while (relay, LED, buzzer); it writes the pin only when its level changes.</summary>
    internal sealed class TimedOutput
    {
        private readonly IDigitalOutput _pin;
        private long _offAtMs;

        public TimedOutput(IDigitalOutput pin)
        {
            _pin = pin;
            _pin.Write(false);
        }

        public bool IsOn { get; private set; }

        public void OnFor(long nowMs, long durationMs)
        {
            _offAtMs = nowMs + durationMs;
            Set(true);
        }

        public void Off() => Set(false);

        public void Update(long nowMs)
        {
            if (IsOn && nowMs >= _offAtMs)
            {
                Set(false);
            }
        }

        private void Set(bool on)
        {
            if (on != IsOn)
            {
                IsOn = on;
                _pin.Write(on);
            }
        }
    }
}
