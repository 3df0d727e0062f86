using Microsoft.EntityFrameworkCore;
using Occupancy.Server.Data;
using Occupancy.Server.Models;

namespace Occupancy.Server.Access;

/// <summary>Access log entries as people see them, with member names looked up on the server.</summary>
public static class AccessLogViews
{
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(OccupancyDbContext db, IEnumerable<Guid?> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds.OfType<Guid>().Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
    }

    public static AccessLogView View(AccessLogEntry e, IReadOnlyDictionary<Guid, string> names) => new(
        e.Id,
        e.SpaceId,
        e.DoorId,
        e.Kind,
        e.Granted,
        e.Reason,
        e.MemberId,
        e.MemberId is { } id && names.TryGetValue(id, out var name) ? name : null,
        DateTimeOffset.FromUnixTimeMilliseconds(e.TimestampMs));
}
