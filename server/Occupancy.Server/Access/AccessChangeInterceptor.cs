using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Occupancy.Server.Data;

namespace Occupancy.Server.Access;

/// <summary>
/// Watches every save for changes to what edges decide from (passes, credentials, doors, a space's lockdown or time
/// zone or hours, a member leaving, admin roles). Such a save takes the next network access version in its own
/// transaction (see <see cref="AccessSequence"/>), stamps it on changed passes, and once committed has the affected
/// sites' edges sent a new replica. Living at the save, not in each endpoint, it also covers edits that later code
/// makes (erasing a member, bulk changes) without anyone having to remember it.
/// </summary>
public sealed class AccessChangeInterceptor(AccessReplicaPublisher publisher) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _afterCommit = new();

    /// <summary>Sends the sites a caller's own transaction changed, once it committed (see <see cref="AccessTransactionInterceptor"/>).</summary>
    internal void Committed(DbContext db)
    {
        if (_afterCommit.TryGetValue(db, out var sites))
        {
            _afterCommit.Remove(db);
            publisher.Publish(sites);
        }
    }

    internal void RolledBack(DbContext db) => _afterCommit.Remove(db);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not OccupancyDbContext db)
        {
            return result;
        }

        var sites = await AffectedSitesAsync(db, cancellationToken);
        if (sites is null)
        {
            return result;
        }

        // A caller's own transaction is used as is (the push then goes out when it commits); otherwise one is
        // opened here so the counter and the change commit together.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.AccessSequence.Where(s => s.Id == AccessSequence.NetworkRow)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Value, s => s.Value + 1), cancellationToken);
        long version = await db.AccessSequence.Where(s => s.Id == AccessSequence.NetworkRow).Select(s => s.Value).SingleAsync(cancellationToken);
        foreach (var entry in db.ChangeTracker.Entries<Pass>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Entity.Version = version;
        }

        _pending.AddOrUpdate(db, new Pending(own, sites));
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is OccupancyDbContext db && HasAccessChanges(db)
            ? throw new InvalidOperationException("Changes to access data must be saved with SaveChangesAsync, which versions them.")
            : result;

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            if (pending.Own is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
                publisher.Publish(pending.Sites);
            }
            else
            {
                // Built now, the replica would not see the change yet: wait for the caller's commit.
                _afterCommit.GetOrCreateValue(db).UnionWith(pending.Sites);
            }
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    private async Task AbandonAsync(DbContext? db)
    {
        if (db is not null && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            if (pending.Own is { } transaction)
            {
                await transaction.DisposeAsync(); // rolls back the counter with the change
            }
        }
    }

    private static bool HasAccessChanges(OccupancyDbContext db) =>
        db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Touches(e));

    private static bool Touches(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry e) => e.Entity switch
    {
        Pass or PassSpace or PassDoor or MemberCredential or Door or OpeningHours or IdentityUserRole<string> => true,
        Member => e.State == EntityState.Deleted,
        Space => e.State != EntityState.Modified || e.Property(nameof(Space.Lockdown)).IsModified || e.Property(nameof(Space.TimeZone)).IsModified,
        _ => false,
    };

    /// <summary>The sites whose replica a save changes; null when it changes none.</summary>
    private static async Task<HashSet<string>?> AffectedSitesAsync(OccupancyDbContext db, CancellationToken cancellationToken)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Touches(e))
            .ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var sites = new HashSet<string>(StringComparer.Ordinal);
        var passIds = new List<Guid>();
        var memberIds = new List<Guid>();
        bool everySite = false;
        foreach (var entry in entries)
        {
            switch (entry.Entity)
            {
                case Pass pass:
                    passIds.Add(pass.Id);
                    sites.UnionWith(pass.Spaces.Select(s => s.SpaceId));
                    break;
                case PassSpace space:
                    sites.Add(space.SpaceId);
                    break;
                case PassDoor door:
                    sites.Add(door.SpaceId);
                    break;
                case MemberCredential credential:
                    memberIds.Add(credential.MemberId);
                    break;
                case Member member:
                    memberIds.Add(member.Id);
                    break;
                case Door door:
                    sites.Add(door.SpaceId);
                    break;
                case OpeningHours hours:
                    sites.Add(hours.SpaceId);
                    break;
                case Space space:
                    sites.Add(space.Id);
                    break;
                default:
                    everySite = true; // an admin role given or taken: admins pass lockdowns at every site
                    break;
            }
        }

        if (everySite)
        {
            sites.UnionWith(await db.Spaces.Select(s => s.Id).ToListAsync(cancellationToken));
            return sites;
        }

        // The spaces passes named before this save (a pass moved away from a site must leave that site's replica).
        if (passIds.Count > 0 || memberIds.Count > 0)
        {
            sites.UnionWith(await db.Set<PassSpace>()
                .Where(s => passIds.Contains(s.PassId) || db.Passes.Any(p => p.Id == s.PassId && memberIds.Contains(p.MemberId)))
                .Select(s => s.SpaceId)
                .Distinct()
                .ToListAsync(cancellationToken));
        }

        return sites;
    }

    private sealed record Pending(IDbContextTransaction? Own, HashSet<string> Sites);
}
