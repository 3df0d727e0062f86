namespace Occupancy.Firmware.Simulator.Day;

/// <summary>What drives the simulated people: moves their actions on to a moment of simulated time.</summary>
internal interface ISchedule
{
    IReadOnlyList<SimulatedMember> Members { get; }

    IReadOnlyList<DoorActor> Doors { get; }

    void Advance(long nowMs);
}
