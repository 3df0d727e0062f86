using System.Buffers;
using Occupancy.Edge.Occupancy;
using Occupancy.Edge.Outbox;
using Occupancy.Firmware.Contract;

namespace Occupancy.Edge.Tests.Outbox;

/// <summary>The outbox on real files: what is acknowledged is on disk, in order, and survives a crash's leftovers.</summary>
public sealed class OutboxLogTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task AppendedRecord_IsDurableOnceTheWaitCompletes_AndReadsBackAfterAReopen()
    {
        var outbox = new TestOutbox(_data.Path);
        long lsn = outbox.Log.Append(Desk(1, DeskStates.Occupied));

        Assert.True(await outbox.Log.WaitDurableAsync(lsn));
        outbox = outbox.Reopen();

        var entry = Assert.Single(outbox.ReadAll());
        Assert.Equal((1L, Desk(1, DeskStates.Occupied)), (entry.Lsn, entry.Event));
        outbox.Dispose();
    }

    [Fact]
    public async Task Reopen_ContinuesTheSequenceWhereItStopped()
    {
        var outbox = new TestOutbox(_data.Path);
        for (int i = 1; i <= 3; i++)
        {
            await outbox.Log.WaitDurableAsync(outbox.Log.Append(Desk(i, DeskStates.Free)));
        }

        outbox = outbox.Reopen();
        long next = outbox.Log.Append(new DoorContactEvent("front", true, 1_764_236_400_000, 7));
        await outbox.Log.WaitDurableAsync(next);

        Assert.Equal(4, next);
        Assert.Equal([1L, 2, 3, 4], outbox.ReadAll().Select(e => e.Lsn));
        outbox.Dispose();
    }

    [Theory]
    [InlineData("half a record")]
    [InlineData("zeros")]
    [InlineData("a flipped bit")]
    [InlineData("a stale record")]
    public async Task TornTailAfterACrash_IsCutOff_AndTheNextRecordFollowsTheLastCompleteOne(string leftover)
    {
        var outbox = new TestOutbox(_data.Path);
        await outbox.Log.WaitDurableAsync(outbox.Log.Append(Desk(1, DeskStates.Occupied)));
        await outbox.Log.WaitDurableAsync(outbox.Log.Append(Desk(2, DeskStates.Free)));
        outbox.Dispose();
        string segment = Directory.GetFiles(Path.Combine(_data.Path, "outbox"), "segment-*.log").Single();
        long intact = new FileInfo(segment).Length;
        AppendLeftover(segment, leftover);

        outbox = new TestOutbox(_data.Path);
        long next = outbox.Log.Append(Desk(3, DeskStates.Occupied));
        await outbox.Log.WaitDurableAsync(next);
        outbox.Dispose();

        Assert.Equal(3, next);
        outbox = new TestOutbox(_data.Path);
        Assert.Equal([1L, 2, 3], outbox.ReadAll().Select(e => e.Lsn));
        Assert.Equal(Desk(3, DeskStates.Occupied), outbox.ReadAll()[^1].Event);
        Assert.True(new FileInfo(segment).Length > intact);
        outbox.Dispose();
    }

    [Fact]
    public async Task SmallSegments_RollOver_AndAReaderFollowsThemInOrder()
    {
        using var outbox = new TestOutbox(_data.Path, new OutboxOptions { SegmentBytes = 4096 });
        await AppendOneByOneAsync(outbox, 400);

        Assert.True(outbox.Log.Status().Segments > 5, $"{outbox.Log.Status().Segments} segments");
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), outbox.ReadAll().Select(e => e.Lsn));
        Assert.Equal(Enumerable.Range(201, 200).Select(i => (long)i), outbox.ReadAll(afterLsn: 200).Select(e => e.Lsn));
    }

    [Fact]
    public async Task ConsumedSegments_AreDeletedOnlyOnceEveryConsumerAndTheCheckpointArePast()
    {
        using var outbox = new TestOutbox(_data.Path, new OutboxOptions { SegmentBytes = 4096 });
        long last = await AppendOneByOneAsync(outbox, 400);
        int segments = outbox.Log.Status().Segments;
        outbox.Log.CheckpointedThrough(last);

        outbox.Log.Consumer(OutboxConsumers.Influx).Commit(last, null);
        outbox.Log.Consumer(OutboxConsumers.Audit).Commit(last, null);
        Assert.Equal(0, outbox.Log.DeleteConsumedSegments()); // the uplink still needs them
        outbox.Log.Consumer(OutboxConsumers.Uplink).Commit(300, null);
        int deleted = outbox.Log.DeleteConsumedSegments();

        Assert.InRange(deleted, 1, segments - 1);
        Assert.Equal(Enumerable.Range(301, 100).Select(i => (long)i), outbox.ReadAll(afterLsn: 300).Select(e => e.Lsn));
        Assert.True(outbox.ReadAll().First().Lsn <= 301);
    }

    [Fact]
    public async Task ConcurrentAppends_AreAllDurableAndInOneSequence()
    {
        using var outbox = new TestOutbox(_data.Path);

        var waits = await Task.WhenAll(Enumerable.Range(1, 500).Select(i => Task.Run(() => outbox.Log.WaitDurableAsync(outbox.Log.Append(Desk(i, DeskStates.Free))))));

        Assert.All(waits, Assert.True);
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), outbox.ReadAll().Select(e => e.Lsn));
    }

    /// <summary>Each record waits for the disk before the next: a batch never spans segments, so one per write lets them roll.</summary>
    private static async Task<long> AppendOneByOneAsync(TestOutbox outbox, int count)
    {
        long last = 0;
        for (int i = 1; i <= count; i++)
        {
            last = outbox.Log.Append(Desk(i, i % 2 == 0 ? DeskStates.Free : DeskStates.Occupied));
            Assert.True(await outbox.Log.WaitDurableAsync(last));
        }

        return last;
    }

    private static DeskChange Desk(long seq, string state) => new("desk-1", "floor-1", "quiet", state, 1_764_236_400_000 + seq, seq);

    private static void AppendLeftover(string segment, string leftover)
    {
        var frame = new ArrayBufferWriter<byte>();
        // A record that claims the next LSN (3) for "half" and "flipped", or an old LSN for "stale".
        RecordCodec.Write(frame, leftover == "a stale record" ? 1 : 3, 0, Desk(9, DeskStates.Free));
        byte[] bytes = leftover switch
        {
            "half a record" => frame.WrittenSpan[..(frame.WrittenCount / 2)].ToArray(),
            "zeros" => new byte[64],
            "a flipped bit" => Flip(frame.WrittenSpan.ToArray()),
            _ => frame.WrittenSpan.ToArray(),
        };
        using var file = new FileStream(segment, FileMode.Append);
        file.Write(bytes);
    }

    private static byte[] Flip(byte[] bytes)
    {
        bytes[^3] ^= 0x10;
        return bytes;
    }
}
