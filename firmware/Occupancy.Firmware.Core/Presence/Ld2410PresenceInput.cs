using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Presence
{
    /// <summary>
    /// Presence from an LD2410 mmWave sensor on a serial port. Unlike a PIR it sees people who
    /// sit still (a stationary target), which is what a desk needs. A report counts as presence
    /// when the sensor reports a target whose energy reaches 100 − <c>sensitivity</c>; between
    /// reports the last one stands.
    /// </summary>
    public sealed class Ld2410PresenceInput : IDigitalInput, ISensitivityAdjustable
    {
        private readonly IByteStream _serial;
        private readonly byte[] _buffer = new byte[64];
        private int _threshold = 50;
        private bool _present;

        public Ld2410PresenceInput(IByteStream serial)
        {
            _serial = serial ?? throw new System.ArgumentNullException("serial");
        }

        public Ld2410FrameParser Parser { get; } = new Ld2410FrameParser();

        /// <summary>The minimum energy (0-100) a target needs to count.</summary>
        public int EnergyThreshold => _threshold;

        public bool Read()
        {
            while (true)
            {
                int read = _serial.Read(_buffer, 0, _buffer.Length);
                if (read <= 0)
                {
                    break;
                }

                if (Parser.Push(_buffer, 0, read))
                {
                    _present = Counts(Parser.Latest);
                }
            }

            return _present;
        }

        public void SetSensitivity(int percent)
        {
            int clamped = percent < 0 ? 0 : percent > 100 ? 100 : percent;
            _threshold = 100 - clamped;
            _present = Parser.FramesParsed > 0 && Counts(Parser.Latest);
        }

        private bool Counts(Ld2410Report report)
        {
            return (report.HasMovingTarget && report.MovingEnergy >= _threshold)
                || (report.HasStationaryTarget && report.StationaryEnergy >= _threshold);
        }
    }
}
