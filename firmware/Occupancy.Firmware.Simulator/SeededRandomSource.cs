using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// The core's randomness on a PC: seeded, so a simulated run can be replayed. A real reader uses
/// its hardware generator for nonces; a simulated one needs only unpredictability within a run.
/// </summary>
public sealed class SeededRandomSource(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public int Next(int maxExclusive)
    {
        lock (_gate)
        {
            return _random.Next(maxExclusive);
        }
    }

    public void NextBytes(byte[] buffer)
    {
        lock (_gate)
        {
            _random.NextBytes(buffer);
        }
    }
}
