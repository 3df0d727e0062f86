using System.Buffers;

namespace Occupancy.Edge.Outbox;

/// <summary>Records appended since the last write, and the handlers waiting for them to reach the disk.</summary>
internal sealed class OutboxBatch
{
    public ArrayBufferWriter<byte> Bytes { get; } = new(64 * 1024);

    public long FirstLsn { get; set; }

    public long LastLsn { get; set; } = -1;

    public TaskCompletionSource<bool> Done { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsEmpty => LastLsn < FirstLsn;

    public void Reset()
    {
        Bytes.ResetWrittenCount();
        FirstLsn = 0;
        LastLsn = -1;
        Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
