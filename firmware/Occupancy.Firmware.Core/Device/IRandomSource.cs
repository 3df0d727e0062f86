namespace Occupancy.Firmware.Device
{
    /// <summary>
    /// Randomness for nonces and reconnect jitter. On the device it wraps the hardware random
    /// generator; the simulator seeds it so that a run can be replayed; tests script it.
    /// </summary>
    public interface IRandomSource
    {
        /// <summary>A number from 0 to <paramref name="maxExclusive"/> − 1.</summary>
        int Next(int maxExclusive);

        /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
        void NextBytes(byte[] buffer);
    }
}
