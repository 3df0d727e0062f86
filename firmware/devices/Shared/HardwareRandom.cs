using System;
using Occupancy.Firmware.Device;

namespace Occupancy.Devices
{
    /// <summary>
    /// Nonces and jitter. On ESP32 targets nanoFramework's <see cref="Random"/> draws from the
    /// chip's hardware random number generator (true random while the radio is on); on a target
    /// whose runtime uses a software generator, replace this adapter: nonces must be unpredictable.
    /// </summary>
    public sealed class HardwareRandom : IRandomSource
    {
        private readonly Random _random = new Random();

        public int Next(int maxExclusive) => _random.Next(maxExclusive);

        public void NextBytes(byte[] buffer) => _random.NextBytes(buffer);
    }
}
