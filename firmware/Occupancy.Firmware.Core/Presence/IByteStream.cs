namespace Occupancy.Firmware.Presence
{
    /// <summary>
    /// A serial port as the sensor logic sees it: bytes that have arrived, read without waiting.
    /// The device wraps its UART; the simulator a byte pipe fed by a simulated sensor.
    /// </summary>
    public interface IByteStream
    {
        /// <summary>Copies up to <paramref name="count"/> received bytes; returns how many (0 when none are waiting).</summary>
        int Read(byte[] buffer, int offset, int count);
    }
}
