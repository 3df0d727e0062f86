namespace Occupancy.Firmware.Simulator;

/// <summary>
/// Exponential backoff with jitter: after a broker restart a whole site's devices must not
/// reconnect in the same instant, and a refused device must not hammer the broker.
/// </summary>
internal sealed class ReconnectBackoff
{
    private readonly TimeSpan _first;
    private readonly TimeSpan _max;
    private readonly Random _random;
    private TimeSpan _next;

    public ReconnectBackoff(TimeSpan first, TimeSpan max, Random? random = null)
    {
        _first = first;
        _max = max;
        _random = random ?? Random.Shared;
        _next = first;
    }

    /// <summary>The delay before the next attempt (±20 % jitter); doubles up to the maximum.</summary>
    public TimeSpan Next()
    {
        TimeSpan delay = _next * (0.8 + (0.4 * _random.NextDouble()));
        _next = _next * 2 > _max ? _max : _next * 2;
        return delay;
    }

    public void Reset() => _next = _first;
}
