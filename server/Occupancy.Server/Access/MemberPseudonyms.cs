using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Occupancy.Server.Data;
using Occupancy.Uplink;

namespace Occupancy.Server.Access;

/// <summary>
/// Turns the pseudonyms edges put in access events back into members, on the server only. A keyed hash cannot be
/// reversed, so the map is built by hashing every member id, and rebuilt when an unknown pseudonym arrives.
/// </summary>
public sealed class MemberPseudonyms(IOptions<AccessOptions> options)
{
    private readonly Lock _gate = new();
    private Dictionary<string, Guid> _members = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, Guid>> ResolveAsync(OccupancyDbContext db, IEnumerable<string> pseudonyms, CancellationToken cancellationToken)
    {
        var wanted = pseudonyms.Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        Dictionary<string, Guid> known;
        lock (_gate)
        {
            known = _members;
        }

        if (!options.Value.IsConfigured)
        {
            return new Dictionary<string, Guid>();
        }

        if (!wanted.All(known.ContainsKey))
        {
            byte[] key = options.Value.NetworkKeyBytes();
            var ids = await db.Members.AsNoTracking().Select(m => m.Id).ToListAsync(cancellationToken);
            known = ids.ToDictionary(id => CredentialHashing.MemberPseudonym(key, id.ToString()), id => id, StringComparer.Ordinal);
            lock (_gate)
            {
                _members = known;
            }
        }

        return wanted.Where(known.ContainsKey).ToDictionary(p => p, p => known[p], StringComparer.Ordinal);
    }
}
