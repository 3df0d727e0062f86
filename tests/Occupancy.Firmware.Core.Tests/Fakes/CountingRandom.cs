using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Core.Tests.Fakes;

/// <summary>Predictable "randomness": bytes count up, and <see cref="Next"/> returns <see cref="Value"/> (clamped).</summary>
public sealed class CountingRandom : IRandomSource
{
    private byte _next = 1;

    /// <summary>What <see cref="Next"/> returns; -1 returns the largest allowed value.</summary>
    public int Value { get; set; }

    public int Next(int maxExclusive) => Value < 0 ? maxExclusive - 1 : Math.Min(Value, maxExclusive - 1);

    public void NextBytes(byte[] buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = _next++;
        }
    }
}
