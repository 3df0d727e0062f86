using Microsoft.EntityFrameworkCore;

namespace Occupancy.Server.Data;

/// <summary>The server's configuration data: spaces, floors, desks and doors. Live states are not stored here.</summary>
public sealed class OccupancyDbContext(DbContextOptions<OccupancyDbContext> options) : DbContext(options)
{
    public DbSet<Space> Spaces => Set<Space>();

    public DbSet<Floor> Floors => Set<Floor>();

    public DbSet<Desk> Desks => Set<Desk>();

    public DbSet<Door> Doors => Set<Door>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Space>(space =>
        {
            space.HasKey(s => s.Id);
            space.HasMany(s => s.Floors).WithOne().HasForeignKey(f => f.SpaceId);
            space.HasMany(s => s.Doors).WithOne().HasForeignKey(d => d.SpaceId);
        });

        // Floor, desk and door ids are unique per space only, so every key includes the space.
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
        });

        modelBuilder.Entity<Door>(door =>
        {
            door.HasKey(d => new { d.SpaceId, d.Id });
            door.HasOne<Floor>().WithMany().HasForeignKey(d => new { d.SpaceId, d.FloorId });
            door.HasIndex(d => new { d.SpaceId, d.DeviceId }).IsUnique();
        });
    }
}
