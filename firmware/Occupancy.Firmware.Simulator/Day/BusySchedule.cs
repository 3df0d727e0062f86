using Occupancy.Firmware.Desk;

namespace Occupancy.Firmware.Simulator.Day;

/// <summary>
/// The fast schedule for demos with short sensor timings (e.g. free after 20 s): people come and
/// go all the time, whatever the hour, with durations scaled to the sensor's hold times; they
/// tap in at a door when they arrive and press the exit button when they leave.
/// </summary>
internal sealed class BusySchedule : ISchedule
{
    private readonly long _startMs;
    private readonly BusyPerson[] _people;
    private readonly DoorActor[] _doors;
    private readonly SimulatedMember[] _members;
    private readonly Random _random;
    private long _nowMs;

    public BusySchedule(IReadOnlyList<SimulatedDeskDevice> desks, IReadOnlyList<SimulatedDoorReader> doors, DeskSensorOptions sensor, int seed, long startMs)
    {
        _startMs = startMs;
        _random = new Random(StableHash.Of(seed, "busy"));
        _members = MemberRoster.Create(seed, desks.Count, new DeskPopularity(seed, desks.Count)).ToArray();
        _doors = doors.Select(d => new DoorActor(d, new Random(StableHash.Of(seed, d.DeviceId)), d.Reader.DecisionTimeoutMs)).ToArray();
        _people = desks.Select(d => new BusyPerson(d, sensor, _random, 0)).ToArray();
        for (int i = 0; i < _people.Length; i++)
        {
            var member = _members[i % Math.Max(1, _members.Length)];
            _people[i].PassedTheDoor += arriving =>
            {
                if (_doors.Length > 0)
                {
                    var visit = new DoorVisit(arriving ? DoorVisitKind.Enter : DoorVisitKind.Exit, _nowMs, member);
                    _doors[_random.Next(_doors.Length)].Schedule(visit);
                }
            };
        }
    }

    public IReadOnlyList<SimulatedMember> Members => _members;

    public IReadOnlyList<DoorActor> Doors => _doors;

    public void Advance(long nowMs)
    {
        _nowMs = nowMs;
        double seconds = (nowMs - _startMs) / 1000.0;
        foreach (var person in _people)
        {
            person.Advance(seconds);
        }

        foreach (var door in _doors)
        {
            door.Advance(nowMs);
        }
    }
}
