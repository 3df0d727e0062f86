namespace Occupancy.Edge.Tests.Properties;

/// <summary>
/// One thing that happens to the edge in a generated delivery schedule: the next report of a desk
/// arrives, an earlier report of a desk arrives again (a QoS 1 redelivery after a lost PUBACK), or the
/// edge restarts and rebuilds its state from the outbox (from a checkpoint, or from the start of the log).
/// </summary>
internal abstract record DeliveryStep
{
    public sealed record Next(int Desk) : DeliveryStep;

    /// <summary>The report <paramref name="Back"/> places before the desk's latest delivered one (0 = the latest again).</summary>
    public sealed record Again(int Desk, int Back) : DeliveryStep;

    public sealed record Restart(bool FromCheckpoint) : DeliveryStep;
}
