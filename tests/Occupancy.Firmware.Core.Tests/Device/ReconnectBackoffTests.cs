using Occupancy.Firmware.Core.Tests.Fakes;
using Occupancy.Firmware.Device;

namespace Occupancy.Firmware.Core.Tests.Device;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void ReconnectBackoff_AfterEachFailure_DoublesTheWaitUpToTheMaximum()
    {
        var backoff = new ReconnectBackoff(500, 30000, 10000, new CountingRandom { Value = 20 }); // 20 of 0..40: no jitter

        var waits = Enumerable.Range(0, 9).Select(i => backoff.OnAttemptFailed(0)).ToArray();

        Assert.Equal(new long[] { 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000 }, waits);
    }

    [Theory]
    [InlineData(0, 400)]
    [InlineData(-1, 600)]
    public void ReconnectBackoff_Jitter_StaysWithinTwentyPercent(int random, long expected)
    {
        var backoff = new ReconnectBackoff(500, 30000, 10000, new CountingRandom { Value = random });

        Assert.Equal(expected, backoff.OnAttemptFailed(0));
    }

    [Fact]
    public void ReconnectBackoff_MayAttempt_OnlyOnceTheWaitIsOver()
    {
        var backoff = new ReconnectBackoff(500, 30000, 10000, new CountingRandom { Value = 20 });
        Assert.True(backoff.MayAttempt(0));

        backoff.OnAttemptFailed(1000);

        Assert.False(backoff.MayAttempt(1499));
        Assert.True(backoff.MayAttempt(1500));
    }

    [Fact]
    public void ReconnectBackoff_AfterAStableConnection_StartsAgainFromTheFirstDelay()
    {
        var backoff = new ReconnectBackoff(500, 30000, 10000, new CountingRandom { Value = 20 });
        backoff.OnAttemptFailed(0);
        backoff.OnAttemptFailed(0);
        backoff.OnAttemptFailed(0);

        backoff.OnConnected(10000);

        Assert.Equal(500, backoff.OnConnectionLost(20000));
    }

    [Fact]
    public void ReconnectBackoff_WhenTheBrokerDropsTheDeviceAtOnce_KeepsGrowingTheWait()
    {
        var backoff = new ReconnectBackoff(500, 30000, 10000, new CountingRandom { Value = 20 });
        backoff.OnAttemptFailed(0);
        backoff.OnAttemptFailed(0);

        backoff.OnConnected(5000);

        Assert.Equal(2000, backoff.OnConnectionLost(5100));
    }
}
