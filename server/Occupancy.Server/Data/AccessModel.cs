using Microsoft.EntityFrameworkCore;

namespace Occupancy.Server.Data;

/// <summary>The access-control tables: the network's version counter, the access log and its daily counts.</summary>
internal static class AccessModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AccessSequence>(sequence =>
        {
            sequence.HasKey(s => s.Id);
            sequence.Property(s => s.Id).ValueGeneratedNever();
            sequence.HasData(new AccessSequence { Id = AccessSequence.NetworkRow, Value = 0 });
        });

        modelBuilder.Entity<AccessLogEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => new { e.SpaceId, e.EventId }).IsUnique();
            entry.HasIndex(e => new { e.SpaceId, e.TimestampMs });
            entry.HasIndex(e => new { e.MemberId, e.TimestampMs });
            entry.HasIndex(e => e.TimestampMs);
        });

        modelBuilder.Entity<AccessDailyCount>(count => count.HasKey(c => new { c.SpaceId, c.Day, c.DoorId, c.Kind, c.Reason }));
    }
}
