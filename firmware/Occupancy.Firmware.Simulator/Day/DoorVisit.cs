using Occupancy.Firmware.Contract;

namespace Occupancy.Firmware.Simulator.Day;

/// <summary>Someone at a door: a member coming in or going out, a visitor, a courier who props it open, or a forced opening.</summary>
internal sealed record DoorVisit(DoorVisitKind Kind, long AtMs, SimulatedMember? Member = null, Credential? Stranger = null, long HoldOpenMs = 0);

internal enum DoorVisitKind
{
    /// <summary>Taps card or phone, waits for the lock; if it stays shut, tries once more, then someone inside lets them in.</summary>
    Enter,

    /// <summary>Presses the exit button and walks out.</summary>
    Exit,

    /// <summary>A stranger's card is refused; the host lets them in.</summary>
    Visitor,

    /// <summary>A courier is let in and props the door open for a while (held-open alarm).</summary>
    Delivery,

    /// <summary>The door is pushed open without any release (a latch that did not catch).</summary>
    Forced,
}
