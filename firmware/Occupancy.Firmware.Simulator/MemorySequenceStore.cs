using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Simulator;

/// <summary>
/// A simulated device's flash for the sequence lease. Starting from a value (by default the
/// current UTC time in ms) makes a restarted simulator continue past its previous run, as a
/// device does with its stored lease.
/// </summary>
public sealed class MemorySequenceStore(long initialLease) : ISequenceStore
{
    private long _leasedUpTo = initialLease;

    public int Writes { get; private set; }

    public bool TryRead(out long leasedUpTo)
    {
        leasedUpTo = Interlocked.Read(ref _leasedUpTo);
        return leasedUpTo > 0;
    }

    public void Write(long leasedUpTo)
    {
        Interlocked.Exchange(ref _leasedUpTo, leasedUpTo);
        Writes++;
    }
}
