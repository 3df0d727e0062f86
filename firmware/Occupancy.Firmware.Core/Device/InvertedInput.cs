namespace Occupancy.Firmware.Device
{
    /// <summary>An active-low input read as active-high, e.g. an exit button to ground on a pulled-up pin (pressed reads low).</summary>
    public sealed class InvertedInput : IDigitalInput
    {
        private readonly IDigitalInput _input;

        public InvertedInput(IDigitalInput input)
        {
            _input = input ?? throw new System.ArgumentNullException("input");
        }

        public bool Read() => !_input.Read();
    }
}
