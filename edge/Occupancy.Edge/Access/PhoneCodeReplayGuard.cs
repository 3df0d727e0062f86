namespace Occupancy.Edge.Access;

/// <summary>
/// Remembers which phone codes each door has accepted, so a code photographed over a
/// member's shoulder opens nothing a second time. Entries older than the accepted clock-skew
/// window can never match again and are forgotten.
/// </summary>
public sealed class PhoneCodeReplayGuard
{
    private readonly Lock _gate = new();
    private readonly HashSet<(string Door, string Credential, long Step)> _used = [];

    /// <summary>Records the use; false when this door already accepted this code.</summary>
    public bool TryUse(string doorId, string credentialId, long step, long currentStep)
    {
        lock (_gate)
        {
            _used.RemoveWhere(entry => entry.Step < currentStep - 2);
            return _used.Add((doorId, credentialId, step));
        }
    }
}
