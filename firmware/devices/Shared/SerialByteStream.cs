using System.IO.Ports;
using Occupancy.Firmware.Presence;

namespace Occupancy.Devices
{
    /// <summary>
    /// A UART as the core reads it: whatever has arrived, without waiting. The LD2410 radar
    /// (256000 baud) and the door's QR scanner module (9600 baud) use it.
    /// </summary>
    public sealed class SerialByteStream : IByteStream
    {
        private readonly SerialPort _port;

        public SerialByteStream(string portName, int baudRate)
        {
            _port = new SerialPort(portName, baudRate);
            _port.ReadTimeout = 0;
            _port.ReadBufferSize = 1024;
            _port.Open();
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int available = _port.BytesToRead;
            if (available <= 0)
            {
                return 0;
            }

            return _port.Read(buffer, offset, available < count ? available : count);
        }
    }
}
