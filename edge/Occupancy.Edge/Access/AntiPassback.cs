using Occupancy.Uplink;

namespace Occupancy.Edge.Access;

/// <summary>
/// Anti-passback for doors configured as an in/out pair: a member granted "in" must be granted
/// "out" before "in" again (and the other way round), so a card passed back through the door to
/// a second person is refused. A member the edge has not seen at the pair may pass either way.
/// Kept in memory: after a restart everyone starts afresh, the usual soft reset.
/// </summary>
public sealed class AntiPassback
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Member, string Pair), string> _lastDirection = new();

    /// <summary>The decision, turned into a denial when this grant would be a second pass the same way.</summary>
    public AccessDecision Apply(DoorAccess door, AccessDecision decision)
    {
        if (!decision.Granted || decision.Member is not { } member || door.PairedDoorId is not { } paired
            || door.Direction is not (DoorAccess.In or DoorAccess.Out))
        {
            return decision;
        }

        string pair = string.CompareOrdinal(door.DoorId, paired) < 0 ? $"{door.DoorId}|{paired}" : $"{paired}|{door.DoorId}";
        lock (_gate)
        {
            if (_lastDirection.TryGetValue((member, pair), out string? last) && last == door.Direction)
            {
                return AccessDecision.Deny(AccessReasons.AntiPassback, member);
            }

            _lastDirection[(member, pair)] = door.Direction;
            return decision;
        }
    }
}
