using Microsoft.Extensions.Time.Testing;
using Occupancy.Server.Live;

namespace Occupancy.Server.Tests.Live;

public sealed class CoalescedPushTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly List<string[]> _sent = [];

    private CoalescedPush<string> NewPush() => new(Interval, _clock, batch =>
    {
        lock (_sent)
        {
            _sent.Add(batch);
        }

        return Task.CompletedTask;
    }, error => throw error);

    private static KeyValuePair<string, string>[] Desk(string id, string state) => [KeyValuePair.Create(id, $"{id}={state}")];

    [Fact]
    public async Task AChangeAfterAQuietInterval_IsSentAtOnce()
    {
        using var push = NewPush();

        await push.PostAsync(Desk("desk-1", "occupied"));

        Assert.Equal([["desk-1=occupied"]], _sent);
    }

    [Fact]
    public async Task ChangesWithinTheInterval_GoOutTogetherAtItsEnd_WithTheLatestStatePerDesk()
    {
        using var push = NewPush();
        await push.PostAsync(Desk("desk-1", "occupied"));

        _clock.Advance(TimeSpan.FromMilliseconds(50));
        await push.PostAsync(Desk("desk-1", "free"));
        await push.PostAsync(Desk("desk-2", "occupied"));
        await push.PostAsync(Desk("desk-1", "occupied"));
        _clock.Advance(TimeSpan.FromMilliseconds(150));
        var sentBeforeTheIntervalEnds = _sent.Count;
        _clock.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal(1, sentBeforeTheIntervalEnds);
        Assert.Equal(2, _sent.Count);
        Assert.Equal(["desk-1=occupied", "desk-2=occupied"], _sent[1].Order());
    }

    [Fact]
    public async Task ADeskChangingEveryTenMilliseconds_IsPushedAtMostOncePerInterval_AndEndsInItsLastState()
    {
        using var push = NewPush();

        for (int i = 0; i < 100; i++)
        {
            await push.PostAsync(Desk("desk-1", i % 2 == 0 ? "occupied" : "free"));
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        _clock.Advance(Interval);

        // One second of changes: the first at once, then one per 250 ms.
        Assert.InRange(_sent.Count, 2, 5);
        Assert.Equal(["desk-1=free"], _sent[^1]);
    }

    [Fact]
    public async Task AfterAQuietInterval_TheNextChangeIsSentAtOnceAgain()
    {
        using var push = NewPush();
        await push.PostAsync(Desk("desk-1", "occupied"));
        await push.PostAsync(Desk("desk-1", "free"));
        _clock.Advance(Interval);
        Assert.Equal(2, _sent.Count);

        _clock.Advance(Interval);
        await push.PostAsync(Desk("desk-2", "occupied"));

        Assert.Equal(3, _sent.Count);
        Assert.Equal(["desk-2=occupied"], _sent[2]);
    }
}
