namespace Occupancy.Testing.Tests;

public sealed class EventuallyTests
{
    [Fact]
    public async Task Eventually_WhenTheConditionBecomesTrue_Returns()
    {
        var calls = 0;

        await Eventually.Until(() => ++calls >= 3, TimeSpan.FromSeconds(5), "the third call");

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Eventually_WhenTheConditionNeverHolds_SaysWhatWasAwaited()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Eventually.Until(() => Task.FromResult(false), TimeSpan.FromMilliseconds(200), "desk d-1 shows occupied"));

        Assert.Contains("desk d-1 shows occupied", error.Message);
    }

    [Fact]
    public async Task Eventually_WhenTheConditionKeepsThrowing_ReportsTheLastError()
    {
        Func<bool> condition = () => throw new InvalidOperationException("not yet");

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Eventually.Until(condition, TimeSpan.FromMilliseconds(200), "the query succeeds"));

        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("not yet", error.Message);
    }
}
