namespace Occupancy.Testing;

/// <summary>Waits for a condition with a deadline, instead of sleeping a guessed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Polls <paramref name="condition"/> until it returns true; after <paramref name="timeout"/> throws a
    /// <see cref="TimeoutException"/> saying what was awaited (<paramref name="because"/>), with the last
    /// exception the condition threw, if any, as the inner exception.
    /// </summary>
    public static async Task Until(
        Func<Task<bool>> condition,
        TimeSpan timeout,
        string because,
        CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? lastError = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lastError = ex;
            }

            if (DateTime.UtcNow >= deadline)
            {
                var detail = lastError is null ? "" : $" (last error: {lastError.GetType().Name}: {lastError.Message})";
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.###} s waiting until {because}{detail}", lastError);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Same as <see cref="Until(Func{Task{bool}}, TimeSpan, string, CancellationToken)"/> for a synchronous condition.</summary>
    public static Task Until(Func<bool> condition, TimeSpan timeout, string because, CancellationToken cancellationToken = default) =>
        Until(() => Task.FromResult(condition()), timeout, because, cancellationToken);
}
