namespace Occupancy.Firmware.Simulator;

/// <summary>A snapshot of the fleet for the progress line and for tests and benchmarks.</summary>
public sealed record FleetStats(
    int Devices,
    int Connected,
    int Desks,
    int Occupied,
    int Doors,
    int OpenDoors,
    long Sent,
    long Refused,
    long Dropped,
    long Granted,
    long Denied,
    long TimedOut,
    long Exits,
    long ForcedAlarms,
    long HeldOpenAlarms)
{
    public static FleetStats Of(IReadOnlyList<SimulatedDeskDevice> desks, IReadOnlyList<SimulatedDoorReader> doors)
    {
        var all = desks.Cast<SimulatedDevice>().Concat(doors).ToArray();
        return new FleetStats(
            all.Length,
            all.Count(d => d.IsConnected),
            desks.Count,
            desks.Count(d => d.IsOccupied),
            doors.Count,
            doors.Count(d => d.IsOpen),
            all.Sum(d => d.Link.Sent),
            all.Sum(d => d.Link.Refused),
            all.Sum(d => d.Runtime.Dropped),
            doors.Sum(d => d.Reader.Granted),
            doors.Sum(d => d.Reader.Denied),
            doors.Sum(d => d.Reader.TimedOut),
            doors.Sum(d => d.Reader.Exits),
            doors.Sum(d => d.Reader.ForcedAlarms),
            doors.Sum(d => d.Reader.HeldOpenAlarms));
    }

    /// <summary>Taps the edge answered (granted or denied).</summary>
    public long Answered => Granted + Denied;

    public string Describe() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"connected {Connected}/{Devices} devices, occupied {Occupied}/{Desks} desks, open {OpenDoors}/{Doors} doors | sent {Sent:N0}, refused {Refused:N0}, dropped {Dropped:N0} | taps: {Granted:N0} granted, {Denied:N0} denied, {TimedOut:N0} unanswered; {Exits:N0} exits | alarms: {HeldOpenAlarms:N0} held open, {ForcedAlarms:N0} forced");
}
