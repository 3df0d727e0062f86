using Occupancy.Firmware.Core.Tests.Fakes;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Core.Tests.Device;

public sealed class SequenceCounterTests
{
    [Fact]
    public void SequenceCounter_OnAFreshDevice_StartsAtOneAndLeasesTheFirstBlockBeforeUsingIt()
    {
        var store = new MemorySequenceStore();
        var counter = new SequenceCounter(store, blockSize: 100);

        Assert.Equal(0, store.Writes);
        Assert.Equal(1, counter.Next());
        Assert.Equal(100, store.Stored);
        Assert.Equal(1, store.Writes);
    }

    [Fact]
    public void SequenceCounter_WritesTheStoreOncePerBlockNotPerMessage()
    {
        var store = new MemorySequenceStore();
        var counter = new SequenceCounter(store, blockSize: 100);

        for (int i = 0; i < 1000; i++)
        {
            counter.Next();
        }

        Assert.Equal(1000, counter.Last);
        Assert.Equal(10, store.Writes);
        Assert.Equal(1000, store.Stored);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(57)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(250)]
    public void SequenceCounter_AfterARebootAtAnyPoint_ContinuesPastEveryNumberAlreadyUsed(int usedBeforeReboot)
    {
        var flash = new MemorySequenceStore();
        var firstRun = new SequenceCounter(flash, blockSize: 100);
        long lastUsed = 0;
        for (int i = 0; i < usedBeforeReboot; i++)
        {
            lastUsed = firstRun.Next();
        }

        // Power cut: nothing is saved at shutdown; only what the lease wrote ahead survives.
        var secondRun = new SequenceCounter(flash, blockSize: 100);
        long first = secondRun.Next();

        Assert.True(first > lastUsed, $"after reboot the sequence went on at {first}, but {lastUsed} was already used");
        Assert.True(first - lastUsed <= 100, "at most one block is skipped");
    }

    [Fact]
    public void SequenceCounter_WithAnUnreadableStore_StartsFromTheBeginning()
    {
        var store = new MemorySequenceStore { Stored = null };

        Assert.Equal(1, new SequenceCounter(store, 10).Next());
    }

    [Fact]
    public void SequenceCounter_InMemory_ContinuesAfterTheGivenNumberWithoutAStore()
    {
        var counter = new SequenceCounter(41);

        Assert.Equal(42, counter.Next());
        Assert.Equal(0, counter.LeaseWrites);
    }
}
