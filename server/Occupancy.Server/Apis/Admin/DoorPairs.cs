using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Apis.Validation;
using Occupancy.Server.Data;
using Occupancy.Uplink;

namespace Occupancy.Server.Apis.Admin;

/// <summary>
/// In/out door pairs for anti-passback (decided at the edge, see the edge's AntiPassback). A pair is two doors of
/// one space naming each other with opposite directions; pairing a door pairs the other one back, and unpairing or
/// deleting it unpairs the other, so a pair can never be one-sided.
/// </summary>
public static class DoorPairs
{
    public static async Task ValidateAsync(
        string spaceId, string? doorId, string? pairedDoorId, string? direction, OccupancyDbContext db, RequestErrors errors, CancellationToken cancellationToken)
    {
        if (pairedDoorId is null)
        {
            if (direction is not null)
            {
                errors.Add("direction", "Only a door paired with another (pairedDoorId) has a direction.");
            }

            return;
        }

        if (direction is not (DoorAccess.In or DoorAccess.Out))
        {
            errors.Add("direction", $"Must be '{DoorAccess.In}' or '{DoorAccess.Out}' for a paired door.");
        }

        if (pairedDoorId == doorId)
        {
            errors.Add("pairedDoorId", "A door cannot be paired with itself.");
            return;
        }

        var paired = await db.Doors.AsNoTracking().SingleOrDefaultAsync(d => d.SpaceId == spaceId && d.Id == pairedDoorId, cancellationToken);
        if (paired is null)
        {
            errors.Add("pairedDoorId", $"Space '{spaceId}' has no door '{pairedDoorId}': the doors of a pair must be in the same space.");
        }
        else if (paired.PairedDoorId is { } partner && partner != doorId)
        {
            errors.Add("pairedDoorId", $"Door '{pairedDoorId}' is already paired with door '{partner}': unpair it first.");
        }
    }

    /// <summary>Pairs <paramref name="door"/> with <paramref name="pairedDoorId"/> (validated), or unpairs it when null, keeping both sides in step.</summary>
    public static async Task PairAsync(OccupancyDbContext db, Door door, string? pairedDoorId, string? direction, CancellationToken cancellationToken)
    {
        if (door.PairedDoorId is { } previous && previous != pairedDoorId
            && await db.Doors.SingleOrDefaultAsync(d => d.SpaceId == door.SpaceId && d.Id == previous, cancellationToken) is { } former)
        {
            (former.PairedDoorId, former.Direction) = (null, null);
        }

        (door.PairedDoorId, door.Direction) = (pairedDoorId, pairedDoorId is null ? null : direction);
        if (pairedDoorId is not null
            && await db.Doors.SingleOrDefaultAsync(d => d.SpaceId == door.SpaceId && d.Id == pairedDoorId, cancellationToken) is { } other)
        {
            (other.PairedDoorId, other.Direction) = (door.Id, direction == DoorAccess.In ? DoorAccess.Out : DoorAccess.In);
        }
    }
}
