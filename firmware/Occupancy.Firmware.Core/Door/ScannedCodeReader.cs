using Occupancy.Firmware.Contract;
using Occupancy.Firmware.Presence;

namespace Occupancy.Firmware.Door
{
    /// <summary>
    /// Phone codes from a QR/barcode scanner module on a serial line: the module sends each code
    /// it reads followed by CR and/or LF. A line that is not a valid code (too long, a space, a
    /// control character) is dropped and counted; the reader passes the code on opaquely.
    /// </summary>
    public sealed class ScannedCodeReader : ICardReader
    {
        private readonly IByteStream _serial;
        private readonly byte[] _buffer = new byte[32];
        private readonly char[] _line = new char[Credential.MaxCodeLength];
        private int _length;
        private bool _overlong;
        private string _ready = null!;

        public ScannedCodeReader(IByteStream serial)
        {
            _serial = serial ?? throw new System.ArgumentNullException("serial");
        }

        /// <summary>Lines that were not a valid code, since boot.</summary>
        public long Rejected { get; private set; }

        public bool TryRead(out Credential credential)
        {
            credential = null!;
            while (_ready == null)
            {
                int read = _serial.Read(_buffer, 0, _buffer.Length);
                if (read <= 0)
                {
                    return false;
                }

                for (int i = 0; i < read && _ready == null; i++)
                {
                    Accept(_buffer[i]);
                }
            }

            credential = new Credential(Credential.Code, _ready);
            _ready = null!;
            return true;
        }

        private void Accept(byte b)
        {
            if (b == '\r' || b == '\n')
            {
                if (_length > 0 || _overlong)
                {
                    string code = new string(_line, 0, _length);
                    if (!_overlong && Credential.IsValid(Credential.Code, code))
                    {
                        _ready = code;
                    }
                    else
                    {
                        Rejected++;
                    }
                }

                _length = 0;
                _overlong = false;
                return;
            }

            if (_length == _line.Length)
            {
                _overlong = true;
                return;
            }

            _line[_length++] = (char)b;
        }
    }
}
