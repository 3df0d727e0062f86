namespace Occupancy.Edge.Access;

/// <summary>
/// Remembers which phone codes each door has accepted, so a code photographed over a
/// member's shoulder opens nothing a second time. Entries older than the accepted clock-skew
/// window of the newest time seen can never match again and are forgotten.
/// </summary>
public sealed class PhoneCodeReplayGuard
{
    private readonly Lock _gate = new();
    private readonly HashSet<(string Door, string Credential, long Step)> _used = [];
    private long _newestStep = long.MinValue;

    /// <summary>A door accepted a code (door, credential, step): the access journal keeps it across restarts.</summary>
    public event Action<string, string, long>? Used;

    /// <summary>
    /// Records the use; false when this door already accepted this code, or when the code is older than what the
    /// guard still remembers. The second case happens only after the edge's clock was set back: a code the guard
    /// has forgotten may have been used, so it is refused (cards still open) until the clock catches up again.
    /// </summary>
    public bool TryUse(string doorId, string credentialId, long step, long currentStep)
    {
        lock (_gate)
        {
            _newestStep = Math.Max(_newestStep, currentStep);
            long oldestRemembered = _newestStep - 2;
            if (step < oldestRemembered)
            {
                return false;
            }

            _used.RemoveWhere(entry => entry.Step < oldestRemembered);
            if (!_used.Add((doorId, credentialId, step)))
            {
                return false;
            }
        }

        Used?.Invoke(doorId, credentialId, step);
        return true;
    }

    /// <summary>A use remembered from before a restart: the code stays spent until it is too old to match anyway.</summary>
    public void Restore(string doorId, string credentialId, long step)
    {
        lock (_gate)
        {
            _used.Add((doorId, credentialId, step));
        }
    }
}
