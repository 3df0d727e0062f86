namespace Occupancy.Firmware.Simulator.Day;

/// <summary>
/// A realistic coworking day in the site's local time, every day of the run: members arrive,
/// take desks (popular ones first, some never), step away, lunch, meet, go home; doors see them
/// in and out, with visitors, deliveries and the odd forced door. Started mid-day, it first
/// catches up silently with what already happened that morning.
/// </summary>
internal sealed class RealisticSchedule : ISchedule
{
    private readonly TimeZoneInfo _zone;
    private readonly int _seed;
    private readonly OpeningHours? _hours;
    private readonly DeskPopularity _popularity;
    private readonly DeskOccupant[] _desks;
    private readonly DoorActor[] _doors;
    private readonly SimulatedMember[] _members;
    private readonly int[] _deskOf;
    private readonly Random _random;
    private readonly PriorityQueue<MemberEvent, long> _events = new();
    private DateOnly _plannedThrough = DateOnly.MinValue;
    private bool _catchingUp;

    public RealisticSchedule(IReadOnlyList<SimulatedDeskDevice> desks, IReadOnlyList<SimulatedDoorReader> doors, TimeZoneInfo zone, int seed, OpeningHours? hours = null)
    {
        _hours = hours;
        _zone = zone;
        _seed = seed;
        _popularity = new DeskPopularity(seed, desks.Count);
        _desks = desks.Select(d => new DeskOccupant(d, new Random(StableHash.Of(seed, d.DeviceId)))).ToArray();
        _doors = doors.Select(d => new DoorActor(d, new Random(StableHash.Of(seed, d.DeviceId)), d.Reader.DecisionTimeoutMs)).ToArray();
        _members = MemberRoster.Create(seed, desks.Count, _popularity).ToArray();
        _deskOf = Enumerable.Repeat(-1, _members.Length).ToArray();
        _random = new Random(StableHash.Of(seed, "desk-choice"));
    }

    public IReadOnlyList<SimulatedMember> Members => _members;

    public IReadOnlyList<DoorActor> Doors => _doors;

    public void Advance(long nowMs)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(nowMs), _zone).DateTime);
        if (_plannedThrough == DateOnly.MinValue)
        {
            // Started mid-day: who is in already sits at a desk, without replaying the morning's doors.
            Plan(today);
            _catchingUp = true;
            RunEventsUntil(nowMs);
            _catchingUp = false;
        }

        while (_plannedThrough < today)
        {
            Plan(_plannedThrough.AddDays(1));
        }

        RunEventsUntil(nowMs);
        foreach (var desk in _desks)
        {
            desk.Advance(nowMs);
        }

        foreach (var door in _doors)
        {
            door.Advance(nowMs);
        }
    }

    private void Plan(DateOnly date)
    {
        foreach (var e in DayPlanner.Plan(date, _zone, _members, _desks.Length, _doors.Length, _seed, _hours))
        {
            _events.Enqueue(e, e.AtMs);
        }

        _plannedThrough = date;
    }

    private void RunEventsUntil(long nowMs)
    {
        while (_events.TryPeek(out var e, out long at) && at <= nowMs)
        {
            _events.Dequeue();
            Handle(e, _catchingUp ? e.AtMs : nowMs);
        }
    }

    private void Handle(MemberEvent e, long nowMs)
    {
        DoorActor? door = _doors.Length == 0 ? null : _doors[Math.Min(e.Door, _doors.Length - 1)];
        SimulatedMember? member = e.Member >= 0 ? _members[e.Member] : null;
        switch (e.Kind)
        {
            case MemberEventKind.ArriveAtDoor when !_catchingUp:
                door?.Schedule(new DoorVisit(DoorVisitKind.Enter, nowMs, member));
                break;
            case MemberEventKind.LeaveBuilding when !_catchingUp:
                door?.Schedule(new DoorVisit(DoorVisitKind.Exit, nowMs, member));
                break;
            case MemberEventKind.Visitor when !_catchingUp:
                door?.Schedule(new DoorVisit(DoorVisitKind.Visitor, nowMs));
                break;
            case MemberEventKind.Delivery when !_catchingUp:
                door?.Schedule(new DoorVisit(DoorVisitKind.Delivery, nowMs, HoldOpenMs: e.HoldOpenMs));
                break;
            case MemberEventKind.Forced when !_catchingUp:
                door?.Schedule(new DoorVisit(DoorVisitKind.Forced, nowMs));
                break;
            case MemberEventKind.SitDown:
                SitDown(e.Member, nowMs);
                break;
            case MemberEventKind.StepAway:
                DeskOf(e.Member)?.StandUp(nowMs);
                break;
            case MemberEventKind.ComeBack:
                DeskOf(e.Member)?.SitDown(nowMs);
                break;
            case MemberEventKind.GoHome:
                DeskOf(e.Member)?.Release(nowMs);
                _deskOf[e.Member] = -1;
                break;
        }
    }

    private void SitDown(int member, long nowMs)
    {
        if (_desks.Length == 0)
        {
            return;
        }

        int favourite = _members[member].FavouriteDesk;
        int desk = favourite >= 0 && _desks[favourite].IsFree ? favourite : _popularity.PickFree(_random, d => _desks[d].IsFree);
        if (desk < 0)
        {
            return; // every desk taken: they work from the lounge
        }

        _deskOf[member] = desk;
        _desks[desk].Claim(member);
        _desks[desk].SitDown(nowMs);
    }

    private DeskOccupant? DeskOf(int member) => _deskOf[member] < 0 ? null : _desks[_deskOf[member]];
}
