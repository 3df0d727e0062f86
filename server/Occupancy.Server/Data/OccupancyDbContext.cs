using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Occupancy.Server.Data;

/// <summary>
/// The server's data: the network's layout (spaces, floors, desks, zones, doors, devices), people (accounts,
/// hosts, members, passes, credentials). Live desk states are not stored here. One subclass per database
/// provider carries that provider's migrations (SqliteOccupancyDbContext, PostgreSqlOccupancyDbContext).
/// </summary>
public abstract class OccupancyDbContext(DbContextOptions options) : IdentityDbContext<OccupancyUser, IdentityRole, string>(options)
{
    public DbSet<Space> Spaces => Set<Space>();

    public DbSet<OpeningHours> OpeningHours => Set<OpeningHours>();

    public DbSet<Floor> Floors => Set<Floor>();

    public DbSet<Desk> Desks => Set<Desk>();

    public DbSet<Zone> Zones => Set<Zone>();

    public DbSet<Door> Doors => Set<Door>();

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<SpaceHost> SpaceHosts => Set<SpaceHost>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Pass> Passes => Set<Pass>();

    public DbSet<MemberCredential> Credentials => Set<MemberCredential>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    public DbSet<AccessSequence> AccessSequence => Set<AccessSequence>();

    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    public DbSet<AccessDailyCount> AccessDailyCounts => Set<AccessDailyCount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ConfigureLayout(modelBuilder);
        ConfigurePeople(modelBuilder);
        AccessModel.Configure(modelBuilder);
    }

    private static void ConfigureLayout(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Space>(space =>
        {
            space.HasKey(s => s.Id);
            space.Property(s => s.ConfigVersion).IsConcurrencyToken();
            space.HasMany(s => s.OpeningHours).WithOne().HasForeignKey(h => h.SpaceId);
            space.HasMany(s => s.Floors).WithOne().HasForeignKey(f => f.SpaceId);
            space.HasMany(s => s.Zones).WithOne().HasForeignKey(z => z.SpaceId);
            space.HasMany(s => s.Doors).WithOne().HasForeignKey(d => d.SpaceId);
            space.HasMany(s => s.Devices).WithOne().HasForeignKey(d => d.SpaceId);
        });

        modelBuilder.Entity<OpeningHours>().HasKey(h => new { h.SpaceId, h.Day });

        // Floor, desk, zone, door and device ids are unique per space only, so every key includes the space.
        modelBuilder.Entity<Floor>(floor =>
        {
            floor.HasKey(f => new { f.SpaceId, f.Id });
            floor.HasMany(f => f.Desks).WithOne().HasForeignKey(d => new { d.SpaceId, d.FloorId });
        });

        modelBuilder.Entity<Desk>(desk =>
        {
            desk.HasKey(d => new { d.SpaceId, d.Id });
            // The edge maps a sensor to its desk: one desk per sensor within a site.
            desk.HasIndex(d => new { d.SpaceId, d.DeviceId }).IsUnique();
            desk.HasOne<Zone>().WithMany().HasForeignKey(d => new { d.SpaceId, d.Zone }).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Zone>().HasKey(z => new { z.SpaceId, z.Id });

        modelBuilder.Entity<Door>(door =>
        {
            door.HasKey(d => new { d.SpaceId, d.Id });
            door.HasOne<Floor>().WithMany().HasForeignKey(d => new { d.SpaceId, d.FloorId });
            door.HasIndex(d => new { d.SpaceId, d.DeviceId }).IsUnique();
            door.Property(d => d.PairedDoorId).HasMaxLength(32);
            door.Property(d => d.Direction).HasMaxLength(3);
        });

        modelBuilder.Entity<Device>().HasKey(d => new { d.SpaceId, d.Id });
    }

    private static void ConfigurePeople(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OccupancyUser>()
            .HasMany(u => u.HostOf).WithOne().HasForeignKey(h => h.UserId);

        modelBuilder.Entity<SpaceHost>(host =>
        {
            host.HasKey(h => new { h.UserId, h.SpaceId });
            host.HasOne<Space>().WithMany().HasForeignKey(h => h.SpaceId);
        });

        modelBuilder.Entity<Member>(member =>
        {
            member.HasKey(m => m.Id);
            member.HasOne<Space>().WithMany().HasForeignKey(m => m.HomeSpaceId).OnDelete(DeleteBehavior.Restrict);
            member.HasOne<OccupancyUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
            member.HasIndex(m => m.UserId).IsUnique();
            member.HasMany(m => m.Passes).WithOne().HasForeignKey(p => p.MemberId);
            member.HasMany(m => m.Credentials).WithOne().HasForeignKey(c => c.MemberId);
            member.HasMany(m => m.CheckIns).WithOne().HasForeignKey(c => c.MemberId);
            member.Property(m => m.Headline).HasMaxLength(160);
        });

        modelBuilder.Entity<CheckIn>(checkIn =>
        {
            checkIn.HasKey(c => new { c.MemberId, c.SpaceId, c.Day });
            checkIn.HasIndex(c => new { c.SpaceId, c.Day });
            checkIn.HasOne<Space>().WithMany().HasForeignKey(c => c.SpaceId);
        });

        modelBuilder.Entity<Pass>(pass =>
        {
            pass.HasKey(p => p.Id);
            pass.HasIndex(p => p.Version);
            pass.HasMany(p => p.Spaces).WithOne().HasForeignKey(s => s.PassId);
            pass.HasMany(p => p.Doors).WithOne().HasForeignKey(d => d.PassId);
        });

        modelBuilder.Entity<PassSpace>(space =>
        {
            space.HasKey(s => new { s.PassId, s.SpaceId });
            space.HasOne<Space>().WithMany().HasForeignKey(s => s.SpaceId);
        });

        modelBuilder.Entity<PassDoor>(door =>
        {
            door.HasKey(d => new { d.PassId, d.SpaceId, d.DoorId });
            door.HasOne<Door>().WithMany().HasForeignKey(d => new { d.SpaceId, d.DoorId });
        });

        modelBuilder.Entity<MemberCredential>(credential =>
        {
            credential.HasKey(c => c.Id);
            // Card UIDs are unique network-wide; phone codes have none (NULLs never collide).
            credential.HasIndex(c => c.CardUid).IsUnique();
        });
    }
}
