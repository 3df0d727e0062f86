namespace Occupancy.Firmware.Simulator;

/// <summary>
/// Opens and closes one door during the simulated day: when someone arrives or leaves, and
/// now and then for deliveries and visitors. A door stays open for a few real seconds.
/// </summary>
internal sealed class DoorTraffic
{
    private readonly SimulatedDoorReader _door;
    private readonly Random _random;
    private readonly double _freeAfter;
    private double _closesAt = double.MaxValue;
    private double _nextVisitor;

    public DoorTraffic(SimulatedDoorReader door, double freeAfterSeconds, Random random, double now)
    {
        _door = door;
        _random = random;
        _freeAfter = Math.Max(freeAfterSeconds, 1);
        _nextVisitor = now + NextVisitor();
    }

    /// <summary>Someone walks through: the door opens (or stays open a little longer).</summary>
    public void Pass(double now)
    {
        _door.SetDoorOpen(true);
        _closesAt = Math.Max(_closesAt == double.MaxValue ? 0 : _closesAt, now + Between(2, 5));
    }

    public void Advance(double now)
    {
        if (now >= _closesAt)
        {
            _door.SetDoorOpen(false);
            _closesAt = double.MaxValue;
        }

        if (now >= _nextVisitor)
        {
            Pass(now);
            _nextVisitor = now + NextVisitor();
        }
    }

    private double NextVisitor() => Between(0.5, 3) * _freeAfter;

    private double Between(double min, double max) => min + ((max - min) * _random.NextDouble());
}
