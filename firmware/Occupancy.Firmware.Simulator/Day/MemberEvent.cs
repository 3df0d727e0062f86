namespace Occupancy.Firmware.Simulator.Day;

/// <summary>One thing that happens at a moment of the simulated day.</summary>
internal readonly record struct MemberEvent(MemberEventKind Kind, long AtMs, int Member = -1, int Door = 0, long HoldOpenMs = 0);

internal enum MemberEventKind
{
    /// <summary>A member comes in at a door (first thing in the morning, or back from lunch).</summary>
    ArriveAtDoor,

    /// <summary>A member reaches the building's desks and takes one (their favourite if free).</summary>
    SitDown,

    /// <summary>Coffee, a meeting, lunch: the desk stays theirs but is empty.</summary>
    StepAway,

    ComeBack,

    /// <summary>A member packs up: the desk is free for someone else.</summary>
    GoHome,

    /// <summary>A member walks out through a door (home, or out for lunch).</summary>
    LeaveBuilding,

    Visitor,

    Delivery,

    Forced,
}
