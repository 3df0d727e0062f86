namespace Occupancy.Server.Data;

/// <summary>A door of a space and the reader that controls it.</summary>
public sealed class Door
{
    /// <summary>Unique within its space; the key is (SpaceId, Id).</summary>
    public required string Id { get; set; }

    public required string SpaceId { get; set; }

    public required string FloorId { get; set; }

    public required string Name { get; set; }

    public required string DeviceId { get; set; }

    /// <summary>How long a granted tap keeps the door unlocked.</summary>
    public int UnlockSeconds { get; set; } = 5;

    /// <summary>One of <see cref="DoorModes"/>.</summary>
    public string Mode { get; set; } = DoorModes.Normal;

    /// <summary>
    /// The other door of an in/out pair in the same space, for anti-passback: a member let in must go out
    /// before being let in again. Pairs are symmetric: the other door names this one, with the other direction.
    /// </summary>
    public string? PairedDoorId { get; set; }

    /// <summary>"in" or "out" (Uplink's DoorAccess.In/Out) when the door is paired; null otherwise.</summary>
    public string? Direction { get; set; }
}
