namespace Occupancy.Server.Data;

/// <summary>
/// The network file (scripts/demo/network.json): spaces with their opening hours, floors, desks and doors.
/// Read with web (camelCase) JSON rules.
/// </summary>
internal sealed record NetworkFile(NetworkFile.SpaceEntry[] Spaces)
{
    public sealed record SpaceEntry(string Id, string Name, string TimeZone, FloorEntry[] Floors, DoorEntry[]? Doors, OpeningHoursEntry[]? OpeningHours);

    /// <summary>As the admin API writes them: <c>{"day": "monday", "opens": "07:00", "closes": "21:00"}</c>; a day without an entry is closed.</summary>
    public sealed record OpeningHoursEntry(string? Day, string? Opens, string? Closes);

    public sealed record FloorEntry(string Id, string Name, double Width, double Height, DeskEntry[] Desks);

    public sealed record DeskEntry(string Id, string Label, double X, double Y, double Width, double Height, string Zone, string DeviceId);

    public sealed record DoorEntry(string Id, string Name, string FloorId, string DeviceId);
}
