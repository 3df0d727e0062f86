using Occupancy.Firmware.Presence;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// The receive side of a serial port: a simulated sensor writes bytes in, the core reads them
/// out without waiting, as from a UART's receive buffer. A full buffer drops the newest bytes,
/// as a real one overruns.
/// </summary>
public sealed class SimulatedUart(int bufferSize = 1024) : IByteStream
{
    private readonly Queue<byte> _received = new();
    private readonly Lock _gate = new();

    /// <summary>Bytes lost to a full buffer.</summary>
    public long Overruns { get; private set; }

    /// <summary>What the sensor on the other end transmits.</summary>
    public void Transmit(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            foreach (byte b in bytes)
            {
                if (_received.Count >= bufferSize)
                {
                    Overruns++;
                    continue;
                }

                _received.Enqueue(b);
            }
        }
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            int n = 0;
            while (n < count && _received.TryDequeue(out byte b))
            {
                buffer[offset + n++] = b;
            }

            return n;
        }
    }
}
