namespace Occupancy.Firmware.Presence
{
    /// <summary>
    /// Finds target reports in the byte stream of an HLK-LD2410 (256000 baud, 8N1). A report frame
    /// is <c>F4 F3 F2 F1</c>, a little-endian length, the data, <c>F8 F7 F6 F5</c>; the data is a
    /// type (<c>02</c> basic, <c>01</c> engineering), <c>AA</c>, the target state, moving distance
    /// (2 bytes), moving energy, stationary distance (2), stationary energy, detection distance (2),
    /// [engineering: gate counts and per-gate energies], then <c>55</c> and a check byte.
    /// Command acknowledgements (<c>FD FC FB FA … 04 03 02 01</c>), noise and broken frames are
    /// skipped; the parser resynchronises on the next header.
    /// </summary>
    public sealed class Ld2410FrameParser
    {
        private const int BasicDataLength = 13;
        private const int MaxDataLength = 64;

        private static readonly byte[] Header = new byte[] { 0xF4, 0xF3, 0xF2, 0xF1 };
        private static readonly byte[] Footer = new byte[] { 0xF8, 0xF7, 0xF6, 0xF5 };

        private readonly byte[] _data = new byte[MaxDataLength];
        private int _stage;
        private int _matched;
        private int _length;
        private int _filled;

        /// <summary>The last valid report; updated in place (the device has little memory to spare).</summary>
        public Ld2410Report Latest { get; } = new Ld2410Report();

        public long FramesParsed { get; private set; }

        /// <summary>Frames that had a header but were cut short, too long, or malformed inside.</summary>
        public long FramesRejected { get; private set; }

        /// <summary>Feeds one byte; true when it completed a valid report (now in <see cref="Latest"/>).</summary>
        public bool Push(byte b)
        {
            switch (_stage)
            {
                case 0:
                    MatchHeader(b);
                    return false;

                case 1:
                    _length = b;
                    _stage = 2;
                    return false;

                case 2:
                    _length |= b << 8;
                    if (_length < BasicDataLength || _length > MaxDataLength)
                    {
                        Reject(b);
                        return false;
                    }

                    _filled = 0;
                    _stage = 3;
                    return false;

                case 3:
                    _data[_filled++] = b;
                    if (_filled == _length)
                    {
                        _matched = 0;
                        _stage = 4;
                    }

                    return false;

                default:
                    if (b != Footer[_matched])
                    {
                        Reject(b);
                        return false;
                    }

                    _matched++;
                    if (_matched < Footer.Length)
                    {
                        return false;
                    }

                    _stage = 0;
                    _matched = 0;
                    if (!Decode())
                    {
                        FramesRejected++;
                        return false;
                    }

                    FramesParsed++;
                    return true;
            }
        }

        /// <summary>Feeds <paramref name="count"/> bytes; true when at least one valid report completed.</summary>
        public bool Push(byte[] buffer, int offset, int count)
        {
            bool any = false;
            for (int i = 0; i < count; i++)
            {
                if (Push(buffer[offset + i]))
                {
                    any = true;
                }
            }

            return any;
        }

        private void MatchHeader(byte b)
        {
            if (b == Header[_matched])
            {
                _matched++;
                if (_matched == Header.Length)
                {
                    _matched = 0;
                    _stage = 1;
                }

                return;
            }

            // F4 is never inside the header after its first byte, so a mismatch restarts cleanly.
            _matched = b == Header[0] ? 1 : 0;
        }

        private void Reject(byte b)
        {
            FramesRejected++;
            _stage = 0;
            _matched = 0;
            MatchHeader(b);
        }

        private bool Decode()
        {
            byte type = _data[0];
            bool engineering = type == 0x01;
            if ((type != 0x02 && !engineering) || _data[1] != 0xAA || _data[_length - 2] != 0x55 || _data[2] > 3)
            {
                return false;
            }

            if (!engineering && _length != BasicDataLength)
            {
                return false;
            }

            if (engineering)
            {
                // Two gate counts N and M, then N+1 moving and M+1 stationary gate energies, before the tail.
                if (_length < BasicDataLength + 2)
                {
                    return false;
                }

                int gates = _data[11] + 1 + _data[12] + 1;
                if (11 + 2 + gates + 2 > _length)
                {
                    return false;
                }
            }

            Latest.TargetState = _data[2];
            Latest.MovingDistanceCm = _data[3] | (_data[4] << 8);
            Latest.MovingEnergy = _data[5];
            Latest.StationaryDistanceCm = _data[6] | (_data[7] << 8);
            Latest.StationaryEnergy = _data[8];
            Latest.DetectionDistanceCm = _data[9] | (_data[10] << 8);
            Latest.IsEngineering = engineering;
            return true;
        }
    }
}
