using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Occupancy.Server.Authentication;
using Occupancy.Server.Data;
using Occupancy.Uplink;

namespace Occupancy.Server.Access;

/// <summary>
/// Builds a site's access replica from the database: its doors, every pass naming the site and the credentials of
/// those passes' members. Members appear as pseudonyms and cards as keyed hashes only. The data and the network's
/// access version are read in one transaction, so a replica of version V holds exactly the changes up to V.
/// </summary>
public sealed class AccessReplicaReader(OccupancyDbContext db, IOptions<AccessOptions> options)
{
    private const int MinutesPerDay = 24 * 60;

    public async Task<AccessReplica?> ReadAsync(string siteId, CancellationToken cancellationToken)
    {
        byte[] key = options.Value.NetworkKeyBytes();
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        long version = await db.AccessSequence.AsNoTracking().Where(s => s.Id == AccessSequence.NetworkRow).Select(s => s.Value).SingleAsync(cancellationToken);
        var space = await db.Spaces.AsNoTracking().Include(s => s.OpeningHours).SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (space is null)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(space.TimeZone);
        var staffedHours = space.OpeningHours
            .Select(h => new AccessWindow(1 << (int)h.Day, Minute(h.Opens), Minute(h.Closes)))
            .ToArray();
        var doors = (await db.Doors.AsNoTracking().Where(d => d.SpaceId == siteId).OrderBy(d => d.Id).ToListAsync(cancellationToken))
            .Select(d => new DoorAccess(d.Id, d.DeviceId, d.UnlockSeconds * 1000, d.Mode, d.Mode == DoorModes.Free ? staffedHours : [], d.PairedDoorId, d.Direction))
            .ToArray();

        var passes = await db.Passes.AsNoTracking()
            .Where(p => p.Spaces.Any(s => s.SpaceId == siteId))
            .Include(p => p.Doors.Where(d => d.SpaceId == siteId))
            .OrderBy(p => p.Version)
            .ToListAsync(cancellationToken);
        var memberIds = passes.Select(p => p.MemberId).Distinct().ToList();
        var credentials = await db.Credentials.AsNoTracking().Where(c => memberIds.Contains(c.MemberId)).ToListAsync(cancellationToken);
        var adminUsers = await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == Roles.Admin), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .ToListAsync(cancellationToken);
        var adminMembers = (await db.Members.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id) && m.UserId != null && adminUsers.Contains(m.UserId))
            .Select(m => m.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        await transaction.CommitAsync(cancellationToken);

        var pseudonyms = memberIds.ToDictionary(id => id, id => CredentialHashing.MemberPseudonym(key, id.ToString()));
        return new AccessReplica(
            siteId,
            version,
            space.TimeZone,
            space.Lockdown,
            doors,
            [.. passes.Select(p => new AccessPass(
                p.Id.ToString(),
                pseudonyms[p.MemberId],
                [.. p.Doors.Select(d => d.DoorId).Order(StringComparer.Ordinal)],
                [Window(p)],
                p.ValidFrom is { } from ? StartOfDay(from, zone) : 0,
                p.ValidTo is { } to ? StartOfDay(to.AddDays(1), zone) : long.MaxValue,
                p.Suspended,
                p.RevokedAt is not null,
                adminMembers.Contains(p.MemberId)))],
            [.. credentials.OrderBy(c => c.Id).Select(c => new AccessCredential(
                c.Id.ToString(),
                pseudonyms[c.MemberId],
                c.Kind == CredentialKinds.Card ? AccessCredential.Card : AccessCredential.Phone,
                c.CardUid is { } uid ? CredentialHashing.CardHash(key, uid) : null,
                c.PhoneSecret,
                c.RevokedAt is not null))]);
    }

    private static AccessWindow Window(Pass pass) =>
        pass is { Opens: { } opens, Closes: { } closes }
            ? new AccessWindow(pass.Weekdays, Minute(opens), Minute(closes))
            : new AccessWindow(pass.Weekdays, 0, MinutesPerDay);

    private static int Minute(TimeOnly time) => (time.Hour * 60) + time.Minute;

    /// <summary>The instant a local date begins in the site's zone; a midnight skipped by a clock change begins an hour later.</summary>
    private static long StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, zone)).ToUnixTimeMilliseconds();
    }
}
