namespace Occupancy.Server.Tests;

/// <summary>Waiting without sleeping: a deadline on what the test awaits.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>A slot for the first value a hub event delivers, that a test can await with a deadline.</summary>
    public static TaskCompletionSource<T> Slot<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Task<T> Within<T>(this TaskCompletionSource<T> slot) => slot.Task.WaitAsync(Timeout);
}
