using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Core.Tests.Device;

public sealed class OutboundQueueTests
{
    [Fact]
    public void OutboundQueue_KeepsMessagesInOrder()
    {
        var queue = new OutboundQueue(4);
        queue.Enqueue(Message("a"));
        queue.Enqueue(Message("b"));
        queue.Enqueue(Message("c"));

        Assert.Equal(new[] { "a", "b", "c" }, Drain(queue));
        Assert.Equal(0, queue.Dropped);
    }

    [Fact]
    public void OutboundQueue_WhenFull_DropsTheOldestAndCountsIt()
    {
        var queue = new OutboundQueue(3);
        foreach (var payload in new[] { "1", "2", "3", "4", "5" })
        {
            queue.Enqueue(Message(payload));
        }

        Assert.Equal(2, queue.Dropped);
        Assert.Equal(new[] { "3", "4", "5" }, Drain(queue));
    }

    [Fact]
    public void OutboundQueue_Contains_FindsAWaitingChannel()
    {
        var queue = new OutboundQueue(2);
        queue.Enqueue(new OutboundMessage("state", "t", "p"));

        Assert.True(queue.Contains("state"));
        Assert.False(queue.Contains("evt/health"));
    }

    private static OutboundMessage Message(string payload) => new("state", "topic", payload);

    private static List<string> Drain(OutboundQueue queue)
    {
        var payloads = new List<string>();
        while (queue.Count > 0)
        {
            payloads.Add(queue.Peek().Payload);
            queue.RemoveOldest();
        }

        return payloads;
    }
}
