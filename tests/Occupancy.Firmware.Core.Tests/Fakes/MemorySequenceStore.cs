using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Core.Tests.Fakes;

/// <summary>The device's sequence file, kept in memory across simulated reboots; counts writes.</summary>
public sealed class MemorySequenceStore : ISequenceStore
{
    public long? Stored { get; set; }

    public int Writes { get; private set; }

    public bool TryRead(out long leasedUpTo)
    {
        leasedUpTo = Stored ?? 0;
        return Stored.HasValue;
    }

    public void Write(long leasedUpTo)
    {
        Stored = leasedUpTo;
        Writes++;
    }
}
